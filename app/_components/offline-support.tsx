"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (public/sw.js) of a production build, which keeps the
 * review page usable offline; a page served signed out tells it to drop the review pages
 * it kept (after signing out, they are no one's to see).
 */
export function OfflineSupport({ isSignedIn }: { isSignedIn: boolean }) {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    void navigator.serviceWorker
      .register("/sw.js")
      .then((registration) => {
        if (!isSignedIn)
          (registration.active ?? registration.waiting ?? registration.installing)?.postMessage("signed-out");
      })
      .catch(() => undefined);
  }, [isSignedIn]);
  return null;
}
