import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EarlyKeys } from "@/app/_components/early-keys";
import { ReviewSession } from "@/app/_components/review-session";
import { now } from "@/app/_server/clock";
import { getReviewQueue } from "@/app/_server/queue";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewPage() {
  const user = await requireUser();
  const queue = await getReviewQueue(user, { deck: null }, await now());
  return (
    queue && (
      <>
        <EarlyKeys />
        <ReviewSession initial={queue} deck={null} owner={user.id} />
      </>
    )
  );
}
