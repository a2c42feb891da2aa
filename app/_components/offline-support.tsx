"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { AnswerOutbox } from "@/app/_lib/answer-outbox";

const reviewPage = /^\/(review|decks\/[^/]+\/review)$/;

/**
 * Registers the service worker (public/sw.js) of a production build, which keeps the
 * review page usable offline; a page served signed out tells it to drop the review pages
 * it kept (after signing out, they are no one's to see). On any other page of a signed-in
 * person, the answers a review page left waiting (a closed tab, a lost connection) are
 * sent; the review page sends its own.
 */
export function OfflineSupport({ owner }: { owner: string | null }) {
  const pathname = usePathname();
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    void navigator.serviceWorker
      .register("/sw.js")
      .then((registration) => {
        if (!owner) (registration.active ?? registration.waiting ?? registration.installing)?.postMessage("signed-out");
      })
      .catch(() => undefined);
  }, [owner]);
  const isReviewPage = reviewPage.test(pathname);
  useEffect(() => {
    if (!owner || isReviewPage) return;
    const outbox = new AnswerOutbox(owner, { onChange: () => {}, onSettled: () => {}, onSignedOut: () => {} });
    void outbox.start();
    return () => outbox.stop();
  }, [owner, isReviewPage]);
  return null;
}
