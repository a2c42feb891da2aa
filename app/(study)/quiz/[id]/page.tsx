import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { QuizResults } from "@/app/_components/quiz-results";
import { QuizSession } from "@/app/_components/quiz-session";
import { now } from "@/app/_server/clock";
import { getPracticeTest, getPracticeTestResults } from "@/app/_server/practice-test-view";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quiz"))("title") };
}

export default async function QuizTestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) notFound();
  const at = await now();
  const test = await getPracticeTest(user, id.data, at);
  if (!test) notFound();
  if (test.finished) {
    const results = await getPracticeTestResults(user, test.id, at);
    if (!results) notFound();
    return <QuizResults testId={test.id} language={test.language} results={results} />;
  }
  const questions = test.questions.map(({ position, format, prompt, shownAnswer, options, answer }) => ({
    position,
    format,
    prompt,
    shownAnswer,
    options,
    answered: answer !== null,
  }));
  return (
    <QuizSession
      testId={test.id}
      language={test.language}
      endsAt={test.endsAt?.toISOString() ?? null}
      questions={questions}
    />
  );
}
