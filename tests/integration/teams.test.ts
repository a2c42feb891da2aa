import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { changeCard } from "@/app/_server/card-actions";
import { getDb } from "@/app/_server/db";
import { startPracticeTest } from "@/app/_server/practice-tests";
import { recordAnswer } from "@/app/_server/reviews";
import { getQuizBoard, getTeamBoard, listFlagged } from "@/app/_server/team-boards";
import { checkInvite, createInvite, joinTeam, listInvites, revokeInvite } from "@/app/_server/team-invites";
import { getLeadView } from "@/app/_server/team-lead";
import {
  createTeam,
  deleteTeam,
  getTeam,
  handOverTeamsOfExpired,
  leaveTeam,
  removeMember,
  saveTeamExam,
  setOnBoard,
  setRole,
  transferOwnership,
} from "@/app/_server/teams";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { createUser } from "../support/users";

const now = new Date("2026-12-02T09:00:00Z");
let slug = "";

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `teams-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
});

type User = { id: string };

async function newTeam(owner: User, name = "Study group") {
  const team = await createTeam(owner, { name, decks: [slug], timeZone: "Asia/Tokyo", weekStartsOn: 1 });
  if (!("id" in team)) throw new Error(team.error);
  return team.id;
}

async function invite(admin: User, teamId: string, input = { expiresInHours: 24, maxUses: 5 }) {
  const made = await createInvite(admin, teamId, input, now);
  if (!("token" in made)) throw new Error(made.error);
  return made;
}

async function join(user: User, token: string, at = now) {
  const joined = await joinTeam(user, token, at);
  if (!("teamId" in joined)) throw new Error(joined.error);
}

/** Answers to the first `count` cards of the deck, each shown for 4 seconds. */
async function study(user: User, count: number, at = now) {
  const cards = await getDb().card.findMany({
    where: { deck: { slug }, retiredAt: null },
    orderBy: { position: "asc" },
    take: count,
  });
  for (const [i, card] of cards.entries()) {
    const input = { cardId: card.id, grade: 3, version: 0, answerId: crypto.randomUUID(), durationMs: 4000 } as const;
    await recordAnswer(user, input, new Date(at.getTime() + i * 5000));
  }
}

describe("teams: who can see and do what", () => {
  it("is not found for a non-member, a removed member and a member of another team, for every read and write", async () => {
    const owner = await createUser("team-owner");
    const removed = await createUser("team-removed");
    const stranger = await createUser("team-stranger");
    const other = await createUser("team-other");
    const teamId = await newTeam(owner);
    await newTeam(other, "Other team");
    const { token, id: inviteId } = await invite(owner, teamId);
    await join(removed, token);
    expect(await removeMember(owner, teamId, removed.id)).toEqual({ status: "done" });
    const notFound = { error: "not-found" };
    for (const user of [removed, stranger, other]) {
      expect(await getTeam(user, teamId)).toBeNull();
      expect(await getTeamBoard(user, teamId, "week", now)).toBeNull();
      expect(await getQuizBoard(user, teamId, now)).toBeNull();
      expect(await listFlagged(user, teamId, now)).toBeNull();
      expect(await getLeadView(user, teamId, now)).toBeNull();
      expect(await listInvites(user, teamId, now)).toBeNull();
      expect(await createInvite(user, teamId, { expiresInHours: 1, maxUses: 1 }, now)).toEqual(notFound);
      expect(await revokeInvite(user, teamId, inviteId, now)).toEqual(notFound);
      expect(await setOnBoard(user, teamId, true)).toEqual(notFound);
      expect(await leaveTeam(user, teamId)).toEqual(notFound);
      expect(await removeMember(user, teamId, owner.id)).toEqual(notFound);
      expect(await setRole(user, teamId, owner.id, "member")).toEqual(notFound);
      expect(await transferOwnership(user, teamId, user.id)).toEqual(notFound);
      expect(await saveTeamExam(user, teamId, { deck: slug, sections: [], examAt: now })).toEqual(notFound);
      expect(await deleteTeam(user, teamId)).toEqual(notFound);
      expect(
        await startPracticeTest(
          user,
          {
            deck: slug,
            sections: [],
            fromWeakest: false,
            count: 5,
            formats: ["multiple-choice"],
            timeLimitSec: null,
            feedbackEach: true,
            countsAsReviews: false,
            teamId,
          },
          now,
        ),
      ).toEqual({ error: "deck-not-found" });
    }
    // Nothing changed: the owner still owns the team, the invite still works.
    expect((await getTeam(owner, teamId))?.role).toBe("owner");
    expect((await checkInvite(stranger, token, now)).status).toBe("valid");
    // A malformed id is not found either, never an error.
    expect(await getTeam(owner, "not-a-uuid")).toBeNull();
  });

  it("lets a member do none of the admin actions, and an admin no owner action", async () => {
    const owner = await createUser("roles-owner");
    const admin = await createUser("roles-admin");
    const member = await createUser("roles-member");
    const another = await createUser("roles-another");
    const teamId = await newTeam(owner);
    const { token, id: inviteId } = await invite(owner, teamId);
    for (const user of [admin, member, another]) await join(user, token);
    expect(await setRole(owner, teamId, admin.id, "admin")).toEqual({ status: "done" });
    const notFound = { error: "not-found" };
    // A member.
    expect(await createInvite(member, teamId, { expiresInHours: 1, maxUses: 1 }, now)).toEqual(notFound);
    expect(await listInvites(member, teamId, now)).toBeNull();
    expect(await revokeInvite(member, teamId, inviteId, now)).toEqual(notFound);
    expect(await removeMember(member, teamId, another.id)).toEqual(notFound);
    expect(await saveTeamExam(member, teamId, { deck: slug, sections: [], examAt: now })).toEqual(notFound);
    expect(await getLeadView(member, teamId, now)).toBeNull();
    expect(await listFlagged(member, teamId, now)).toBeNull();
    expect((await getTeam(member, teamId))?.members).toBeNull();
    // An admin: invites and removes members, but not the owner or another admin, and no owner action.
    expect("token" in (await createInvite(admin, teamId, { expiresInHours: 1, maxUses: 1 }, now))).toBe(true);
    expect(await removeMember(admin, teamId, owner.id)).toEqual(notFound);
    expect(await setRole(admin, teamId, member.id, "admin")).toEqual(notFound);
    expect(await transferOwnership(admin, teamId, admin.id)).toEqual(notFound);
    expect(await deleteTeam(admin, teamId)).toEqual(notFound);
    expect(await removeMember(admin, teamId, another.id)).toEqual({ status: "done" });
    // The owner cannot leave without handing the team on; then can, and the new owner leads.
    expect(await leaveTeam(owner, teamId)).toEqual({ error: "owner" });
    expect(await transferOwnership(owner, teamId, admin.id)).toEqual({ status: "done" });
    expect((await getTeam(admin, teamId))?.role).toBe("owner");
    expect(await leaveTeam(owner, teamId)).toEqual({ status: "done" });
    // Deleting the team leaves everyone's own study.
    await study(member, 2);
    expect(await deleteTeam(admin, teamId)).toEqual({ status: "done" });
    expect(await getTeam(member, teamId)).toBeNull();
    expect(await getDb().reviewLog.count({ where: { userId: member.id } })).toBe(2);
  });

  it("refuses an expired, used-up or revoked invite, and an unknown token", async () => {
    const owner = await createUser("invite-owner");
    const teamId = await newTeam(owner);
    const first = await createUser("invitee-1");
    const second = await createUser("invitee-2");
    const third = await createUser("invitee-3");
    const fourth = await createUser("invitee-4");
    const once = await invite(owner, teamId, { expiresInHours: 1, maxUses: 1 });
    await join(first, once.token);
    expect(await joinTeam(second, once.token, now)).toEqual({ error: "invalid-invite" });
    expect((await checkInvite(second, once.token, now)).status).toBe("used-up");
    const soon = await invite(owner, teamId, { expiresInHours: 1, maxUses: 5 });
    const later = new Date(now.getTime() + 2 * 3_600_000);
    expect(await joinTeam(third, soon.token, later)).toEqual({ error: "invalid-invite" });
    expect((await checkInvite(third, soon.token, later)).status).toBe("expired");
    const revoked = await invite(owner, teamId);
    expect(await revokeInvite(owner, teamId, revoked.id, now)).toEqual({ status: "done" });
    expect(await joinTeam(fourth, revoked.token, now)).toEqual({ error: "invalid-invite" });
    expect((await checkInvite(fourth, revoked.token, now)).status).toBe("revoked");
    expect(await joinTeam(fourth, "A".repeat(22), now)).toEqual({ error: "invalid-invite" });
    expect((await checkInvite(fourth, "nonsense", now)).status).toBe("unknown");
    expect((await getTeam(owner, teamId))?.memberCount).toBe(2);
    // Only the token's hash is kept.
    const stored = await getDb().teamInvite.findMany({ where: { teamId } });
    expect(stored.some((row) => row.tokenHash.includes(once.token))).toBe(false);
  });

  it("gives the last use of an invite to one of two people racing for it", async () => {
    const owner = await createUser("race-owner");
    const teamId = await newTeam(owner);
    const [a, b] = [await createUser("race-a"), await createUser("race-b")];
    const { token } = await invite(owner, teamId, { expiresInHours: 1, maxUses: 1 });
    const results = await Promise.all([joinTeam(a, token, now), joinTeam(b, token, now)]);
    expect(results.filter((result) => "teamId" in result)).toHaveLength(1);
    expect((await getTeam(owner, teamId))?.memberCount).toBe(2);
  });

  it("limits join attempts per person", async () => {
    const user = await createUser("join-limit");
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await joinTeam(user, "B".repeat(22), now));
    expect(results.slice(0, 10).every((result) => "error" in result && result.error === "invalid-invite")).toBe(true);
    expect(results.at(-1)).toMatchObject({ error: "rate-limited" });
  });
});

describe("team boards", () => {
  it("rank members who chose to be shown by points, count the hidden, and show everyone their own", async () => {
    const owner = await createUser("board-owner");
    const keen = await createUser("board-keen");
    const shy = await createUser("board-shy");
    const teamId = await newTeam(owner);
    const { token } = await invite(owner, teamId);
    await join(keen, token);
    await join(shy, token);
    await setOnBoard(keen, teamId, true);
    await study(owner, 2);
    await study(keen, 6);
    await study(shy, 10);
    const board = await getTeamBoard(owner, teamId, "week", now);
    expect(board?.rows.map((row) => [row.rank, row.reviews, row.isMe])).toEqual([
      [1, 6, false],
      [2, 2, true],
    ]);
    expect(board?.rows[0]?.points).toBeGreaterThan(board?.rows[1]?.points ?? Number.POSITIVE_INFINITY);
    expect(board?.rows.every((row) => row.streak === 1)).toBe(true);
    expect(board?.hidden).toBe(1);
    expect(JSON.stringify(board)).not.toContain("board-shy");
    // The hidden member sees the board, and their own figures.
    const theirs = await getTeamBoard(shy, teamId, "week", now);
    expect(theirs?.rows).toHaveLength(2);
    expect(theirs?.me.reviews).toBe(10);
    // Next week the weekly board starts again; all time keeps it.
    const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
    expect((await getTeamBoard(owner, teamId, "week", nextWeek))?.rows.every((row) => row.points === 0)).toBe(true);
    expect((await getTeamBoard(owner, teamId, "all", nextWeek))?.rows[0]?.reviews).toBe(6);
  });

  it("shows the lead view from three members only, weakest sections first, and flags answers too fast to read", async () => {
    const owner = await createUser("lead-owner");
    const teamId = await newTeam(owner);
    const { token } = await invite(owner, teamId);
    const first = await createUser("lead-1");
    const second = await createUser("lead-2");
    await join(first, token);
    await join(second, token);
    // Two members besides the viewer: their figures would show through.
    expect((await getLeadView(owner, teamId, now))?.sections).toBeNull();
    const third = await createUser("lead-3");
    await join(third, token);
    await study(first, 30);
    const cards = await getDb().card.findMany({
      where: { deck: { slug } },
      take: 1,
      skip: 40,
      orderBy: { position: "asc" },
    });
    await recordAnswer(
      second,
      { cardId: cards[0]?.id ?? "", grade: 3, version: 0, answerId: crypto.randomUUID(), durationMs: 300 },
      now,
    );
    await saveTeamExam(owner, teamId, { deck: slug, sections: [], examAt: new Date(now.getTime() + 10 * 86_400_000) });
    const lead = await getLeadView(owner, teamId, now);
    const shares = lead?.sections?.map((row) => row.share) ?? [];
    expect(shares.length).toBeGreaterThan(3);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(lead?.exam?.bands.reduce((sum, band) => sum + band.members, 0)).toBe(4);
    // Flagged answers are listed for members on the boards only.
    expect(await listFlagged(owner, teamId, now)).toEqual([]);
    await setOnBoard(second, teamId, true);
    expect(await listFlagged(owner, teamId, now)).toEqual([{ name: "lead-2", flagged: 1 }]);
  });

  it("ranks the quiz board on team tests of the exam's deck with ten questions at least", async () => {
    const owner = await createUser("quiz-owner");
    const teamId = await newTeam(owner);
    await saveTeamExam(owner, teamId, { deck: slug, sections: [], examAt: new Date(now.getTime() + 5 * 86_400_000) });
    const take = async (count: number) => {
      const input = {
        deck: slug,
        sections: [],
        fromWeakest: false,
        count,
        formats: ["multiple-choice" as const],
        timeLimitSec: null,
        feedbackEach: true,
        countsAsReviews: false,
        teamId,
      };
      const started = await startPracticeTest(owner, input, now);
      if (!("id" in started)) throw new Error(started.error);
      const questions = await getDb().testQuestion.findMany({ where: { testId: started.id } });
      await getDb().testQuestion.updateMany({
        where: { testId: started.id },
        data: { isCorrect: true, answeredAt: now },
      });
      await getDb().practiceTest.update({ where: { id: started.id }, data: { finishedAt: now } });
      return questions.length;
    };
    expect(await take(2)).toBe(2);
    expect((await getQuizBoard(owner, teamId, now))?.rows).toEqual([]);
    expect(await take(10)).toBe(10);
    expect((await getQuizBoard(owner, teamId, now))?.rows).toEqual([
      { name: "quiz-owner", best: 1, tests: 1, isMe: true },
    ]);
  });
});

describe("teams over time", () => {
  it("keeps a removed member out, even with an invite that still works, and stops the invites they made", async () => {
    const owner = await createUser("ban-owner");
    const admin = await createUser("ban-admin");
    const teamId = await newTeam(owner);
    const { token } = await invite(owner, teamId);
    await join(admin, token);
    await setRole(owner, teamId, admin.id, "admin");
    const theirs = await invite(admin, teamId);
    expect(await removeMember(owner, teamId, admin.id)).toEqual({ status: "done" });
    expect(await joinTeam(admin, token, now)).toEqual({ error: "invalid-invite" });
    expect((await checkInvite(admin, token, now)).status).toBe("removed");
    const newcomer = await createUser("ban-newcomer");
    expect((await checkInvite(newcomer, theirs.token, now)).status).toBe("revoked");
  });

  it("earns nothing for learning again a card made new by forgetting it", async () => {
    const user = await createUser("forget-farm");
    const [card] = await getDb().card.findMany({ where: { deck: { slug } }, take: 1, orderBy: { position: "asc" } });
    if (!card) throw new Error("no card");
    await recordAnswer(
      user,
      { cardId: card.id, grade: 3, version: 0, answerId: crypto.randomUUID(), durationMs: 4000 },
      now,
    );
    const state = await getDb().cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: card.id } },
    });
    await changeCard(user, card.id, "forget", now, now);
    const later = new Date(now.getTime() + 60_000);
    await recordAnswer(
      user,
      { cardId: card.id, grade: 3, version: state.version + 1, answerId: crypto.randomUUID(), durationMs: 4000 },
      later,
    );
    const log = await getDb().reviewLog.findMany({
      where: { userId: user.id, grade: { gt: 0 } },
      orderBy: { seq: "asc" },
    });
    expect(log.map((row) => row.points > 0)).toEqual([true, false]);
  });

  it("hands a team to its longest-standing admin when its owner's demo account expires", async () => {
    const owner = await createUser("expiring-owner");
    const member = await createUser("staying-member");
    const admin = await createUser("staying-admin");
    const teamId = await newTeam(owner);
    const { token } = await invite(owner, teamId);
    await join(member, token);
    await join(admin, token);
    await setRole(owner, teamId, admin.id, "admin");
    const lonely = await newTeam(owner, "Nobody else");
    await getDb().user.update({ where: { id: owner.id }, data: { expiresAt: new Date(now.getTime() - 1000) } });
    await handOverTeamsOfExpired(now);
    await getDb().user.delete({ where: { id: owner.id } });
    expect((await getTeam(admin, teamId))?.role).toBe("owner");
    expect((await getTeam(member, teamId))?.role).toBe("member");
    expect(await getDb().team.count({ where: { id: lonely } })).toBe(0);
  });
});
