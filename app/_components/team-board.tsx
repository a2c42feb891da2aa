import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { QuizBoardDto, TeamBoardDto } from "@/app/_server/team-boards";
import { cell } from "./data-table";

/** The team's points board (this week or all time), with the members who chose to be hidden counted. */
export async function TeamBoard({ teamId, board }: { teamId: string; board: TeamBoardDto }) {
  const [t, format] = await Promise.all([getTranslations("teams"), getFormatter()]);
  const tab = (period: "week" | "all") => (
    <Link
      href={`/teams/${teamId}${period === "all" ? "?board=all" : ""}`}
      aria-current={board.period === period ? "page" : undefined}
      className={`rounded-md px-3 py-1 ${board.period === period ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "border border-zinc-300 dark:border-zinc-700"}`}
    >
      {t(period === "week" ? "thisWeek" : "allTime")}
    </Link>
  );
  return (
    <section className="space-y-3" aria-labelledby="board-title">
      <h2 id="board-title" className="text-xl font-semibold">
        {t("board")}
      </h2>
      <nav className="flex gap-2 text-sm">
        {tab("week")}
        {tab("all")}
      </nav>
      {board.period === "week" && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("weekRange", {
            start: format.dateTime(new Date(`${board.week.start}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
            end: format.dateTime(new Date(new Date(`${board.week.end}T00:00:00Z`).getTime() - 86_400_000), {
              dateStyle: "medium",
              timeZone: "UTC",
            }),
          })}
        </p>
      )}
      <table className="text-sm" data-testid="board">
        <thead>
          <tr>
            <th className={cell}>{t("rank")}</th>
            <th className={cell}>{t("member")}</th>
            <th className={cell}>{t("points")}</th>
            <th className={cell}>{t("reviews")}</th>
            <th className={cell}>{t("streak")}</th>
          </tr>
        </thead>
        <tbody>
          {board.rows.map((row) => (
            <tr key={`${row.rank}-${row.name}`} className={row.isMe ? "font-semibold" : undefined}>
              <td className={cell}>{row.rank}</td>
              <td className={cell}>{row.name}</td>
              <td className={cell}>{format.number(row.points)}</td>
              <td className={cell}>{format.number(row.reviews)}</td>
              <td className={cell}>{t("days", { count: row.streak })}</td>
            </tr>
          ))}
          {board.hidden > 0 && (
            <tr>
              <td className={cell}>–</td>
              <td className={cell} colSpan={4}>
                {t("hiddenMembers", { count: board.hidden })}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="text-sm" data-testid="my-points">
        {t("mine", { points: board.me.points, reviews: board.me.reviews, streak: board.me.streak })}
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("pointsExplain")}</p>
    </section>
  );
}

/** Best practice-test score this week of those who show themselves, when the team has an exam. */
export async function QuizBoard({ board }: { board: QuizBoardDto }) {
  const [t, format] = await Promise.all([getTranslations("teams"), getFormatter()]);
  return (
    <section className="space-y-2" aria-labelledby="quiz-board-title">
      <h2 id="quiz-board-title" className="text-xl font-semibold">
        {t("quizBoard")}
      </h2>
      {board.rows.length === 0 ? (
        <p className="text-sm">{t("quizBoardNone")}</p>
      ) : (
        <table className="text-sm">
          <thead>
            <tr>
              <th className={cell}>{t("member")}</th>
              <th className={cell}>{t("bestScore")}</th>
              <th className={cell}>{t("tests")}</th>
            </tr>
          </thead>
          <tbody>
            {board.rows.map((row) => (
              <tr key={row.name} className={row.isMe ? "font-semibold" : undefined}>
                <td className={cell}>{row.name}</td>
                <td className={cell}>{format.number(row.best, { style: "percent" })}</td>
                <td className={cell}>{row.tests}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {board.hidden > 0 && <p className="text-sm">{t("hiddenMembers", { count: board.hidden })}</p>}
    </section>
  );
}
