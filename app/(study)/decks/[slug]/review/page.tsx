import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReviewSession } from "@/app/_components/review-session";
import { now } from "@/app/_server/clock";
import { getReviewQueue } from "@/app/_server/queue";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function DeckReviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) notFound();
  const queue = await getReviewQueue(user, slug, await now());
  if (!queue) notFound();
  return <ReviewSession initial={queue} deck={slug} />;
}
