import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EarlyKeys } from "@/app/_components/early-keys";
import { ReviewSession } from "@/app/_components/review-session";
import { hasControlCharacters } from "@/app/_lib/text";
import { now } from "@/app/_server/clock";
import { getReviewQueue } from "@/app/_server/queue";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ section?: string | string[] }> };

/** One deck's review, or one section of it (?section=heading&section=subheading). */
export default async function DeckReviewPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { slug } = await params;
  const raw = (await searchParams).section ?? [];
  const section = (Array.isArray(raw) ? raw : [raw])
    .slice(0, 6)
    .filter((part) => part.length > 0 && part.length <= 200 && !hasControlCharacters(part));
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) notFound();
  const queue = await getReviewQueue(user, { deck: slug, section }, await now());
  if (!queue) notFound();
  return (
    <>
      <EarlyKeys />
      <ReviewSession initial={queue} deck={slug} section={section} owner={user.id} />
    </>
  );
}
