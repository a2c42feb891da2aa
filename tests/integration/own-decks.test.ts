import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/app/_server/db";
import { archiveDeck, deleteDeck, exportDeck, listDecks, renameDeck } from "@/app/_server/deck-library";
import { buildDraft, readyDraftBuilder } from "@/app/_server/draft-builder";
import { saveExam } from "@/app/_server/exams";
import {
  applyDeckUpdate,
  correctionForEdit,
  createCsvDeck,
  createOwnDeck,
  previewDeckUpdate,
  updateCsvDeck,
} from "@/app/_server/own-decks";
import { listTestScopes } from "@/app/_server/practice-test-view";
import { startPracticeTest } from "@/app/_server/practice-tests";
import { getReviewQueue } from "@/app/_server/queue";
import { recordAnswer } from "@/app/_server/reviews";
import { createInvite, joinTeam } from "@/app/_server/team-invites";
import { createTeam } from "@/app/_server/teams";
import { correctionsSchema } from "@/cards/corrections";
import { buildDraft as buildDraftInThread, type DeckDraft } from "@/cards/draft";
import { deckSchema } from "@/cards/types";
import { createUser } from "../support/users";

const now = new Date("2026-12-03T09:00:00Z");
const notes = readFileSync("cards/notes/docker-notes.md", "utf8");
const corrections = correctionsSchema.parse(
  JSON.parse(readFileSync("cards/notes/docker-notes.corrections.json", "utf8")),
);
const shipped = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));

const draft = (extra: Partial<DeckDraft> = {}): DeckDraft => ({
  title: "My Docker notes",
  language: "ja",
  source: "docker-notes.md",
  notes,
  corrections,
  dropped: [],
  ...extra,
});

async function create(user: { id: string }, extra: Partial<DeckDraft> = {}) {
  const created = await createOwnDeck(user, draft(extra), now);
  if (!("slug" in created)) throw new Error(created.error);
  return created.slug;
}

describe("a deck from a person's own notes", () => {
  // First in this file: no thread of the pool has started yet.
  it("readies a thread on the upload page before the notes arrive, once", async () => {
    const [readied, again] = await Promise.all([readyDraftBuilder(), readyDraftBuilder()]);
    const here = buildDraftInThread(draft({ corrections: {} }));
    if ("error" in here) throw new Error(here.error);
    expect(readied).toBe(here.deck.cards.length);
    expect(again).toBeUndefined();
    expect(await readyDraftBuilder()).toBeUndefined();
  });

  it("previews the cards the repository's generator makes of the same notes and corrections", async () => {
    const built = await buildDraft(draft());
    if ("error" in built) throw new Error(built.error);
    const pick = (cards: { key: string; prompt: string; answer: string; kind: string }[]) =>
      cards.map(({ key, prompt, answer, kind }) => ({ key, prompt, answer, kind }));
    expect(pick(built.preview.cards)).toEqual(pick(shipped.cards));
    expect(built.preview.uncovered.length).toBeGreaterThan(0);
    // Without the corrections, the check finds the notes' mistakes, some with a fix to accept.
    const raw = await buildDraft(draft({ corrections: {} }));
    if ("error" in raw) throw new Error(raw.error);
    expect(raw.preview.findings.some((finding) => finding.fix)).toBe(true);
  });

  it("keeps a dropped card out and an edited answer as a correction of its line", async () => {
    const user = await createUser("own-edit");
    const built = await buildDraft(draft());
    if ("error" in built) throw new Error(built.error);
    const [first, second] = built.preview.cards;
    if (!first || !second) throw new Error("no cards");
    const edited = correctionForEdit(draft(), first.lines[0], first.answer, `${first.answer}（編集）`);
    expect(edited?.[String(first.lines[0])]?.at(-1)).toMatchObject({ reason: "edited in the app" });
    const slug = await create(user, { corrections: edited ?? {}, dropped: [second.key] });
    const cards = await getDb().card.findMany({ where: { deck: { slug }, retiredAt: null } });
    expect(cards.find((card) => card.key === first.key)?.answer).toBe(`${first.answer}（編集）`);
    expect(cards.some((card) => card.key === second.key)).toBe(false);
    expect(correctionForEdit(draft(), first.lines[0], first.answer, first.answer)).toBeNull();
  });

  it("keeps each card's key and history through a reworded note, retires a removed section and restores it", async () => {
    const user = await createUser("own-update");
    const slug = await create(user);
    const cards = await getDb().card.findMany({ where: { deck: { slug } }, orderBy: { position: "asc" } });
    const first = cards[0];
    if (!first) throw new Error("no cards");
    await recordAnswer(
      user,
      { cardId: first.id, grade: 3, version: 0, answerId: crypto.randomUUID(), durationMs: 4000 },
      now,
    );
    // The answer's line reworded; the last top-level section removed.
    const lines = notes.split("\n");
    const line = first.sourceStartLine;
    const reworded = lines.map((text, i) =>
      i === line - 1 ? text.replace(first.answer.slice(0, 4), `${first.answer.slice(0, 4)}、`) : text,
    );
    const lastSection = reworded.findLastIndex((text) => /^# /.test(text));
    const withoutLast = reworded.slice(0, lastSection).join("\n");
    const kept = Object.fromEntries(
      Object.entries(corrections).filter(([n]) => Number(n) < lastSection + 1 && Number(n) !== line),
    );
    const diff = await previewDeckUpdate(user, slug, draft({ notes: withoutLast, corrections: kept }));
    if (!diff || "error" in diff) throw new Error("no diff");
    expect(diff.retired.length).toBeGreaterThan(0);
    expect(diff.added.length + diff.kept + diff.reworded.length).toBeGreaterThan(50);
    expect(await applyDeckUpdate(user, slug, draft({ notes: withoutLast, corrections: kept }), now)).toEqual({
      status: "done",
    });
    const after = await getDb().card.findUniqueOrThrow({ where: { id: first.id } });
    expect(after.key).toBe(first.key);
    expect(after.retiredAt).toBeNull();
    expect(await getDb().reviewLog.count({ where: { cardId: first.id, userId: user.id } })).toBe(1);
    const retired = await getDb().card.count({ where: { deck: { slug }, retiredAt: { not: null } } });
    expect(retired).toBe(diff.retired.length);
    // The section back: its cards are restored, not new.
    const back = await previewDeckUpdate(user, slug, draft());
    if (!back || "error" in back) throw new Error("no diff");
    expect(back.restored.length).toBe(diff.retired.length);
  });

  it("is the owner's own: another user finds it by no name or id, anywhere", async () => {
    const owner = await createUser("own-owner");
    const other = await createUser("own-other");
    const slug = await create(owner);
    const [card] = await getDb().card.findMany({ where: { deck: { slug } }, take: 1 });
    if (!card) throw new Error("no card");
    expect(await getReviewQueue(other, { deck: slug }, now)).toBeNull();
    expect((await getReviewQueue(other, { deck: null }, now, 500))?.cards.some((c) => c.id === card.id)).toBe(false);
    expect((await listTestScopes(other)).some((scope) => scope.slug === slug)).toBe(false);
    expect((await listDecks(other)).some((deck) => deck.slug === slug)).toBe(false);
    const test = {
      deck: slug,
      sections: [],
      fromWeakest: false,
      count: 5,
      formats: ["multiple-choice" as const],
      timeLimitSec: null,
      feedbackEach: true,
      countsAsReviews: false,
    };
    expect(await startPracticeTest(other, test, now)).toEqual({ error: "deck-not-found" });
    expect(
      await saveExam(other, {
        deck: slug,
        sections: [],
        examAt: new Date(now.getTime() + 86_400_000),
        dailyMinutes: 10,
      }),
    ).toEqual({ error: "deck-not-found" });
    expect(
      await recordAnswer(
        other,
        { cardId: card.id, grade: 3, version: 0, answerId: crypto.randomUUID(), durationMs: 4000 },
        now,
      ),
    ).toEqual({ error: "not-found" });
    expect(await exportDeck(other, slug)).toBeNull();
    expect(await previewDeckUpdate(other, slug, draft())).toBeNull();
    expect(await applyDeckUpdate(other, slug, draft(), now)).toBeNull();
    expect(await renameDeck(other, slug, "Mine now")).toEqual({ error: "not-found" });
    expect(await archiveDeck(other, slug, true, now)).toEqual({ error: "not-found" });
    expect(await deleteDeck(other, slug)).toEqual({ error: "not-found" });
    // Nor can they change the shipped deck.
    expect(await renameDeck(other, shipped.deck.slug, "Mine now")).toEqual({ error: "not-found" });
    // The owner sees and studies it; archived, it leaves the study lists; deleted, it is gone.
    expect((await getReviewQueue(owner, { deck: slug }, now))?.cards.length).toBeGreaterThan(0);
    expect(await exportDeck(owner, slug)).toMatchObject({ format: "kioku-deck", notes });
    await archiveDeck(owner, slug, true, now);
    expect((await listTestScopes(owner)).some((scope) => scope.slug === slug)).toBe(false);
    expect(await deleteDeck(owner, slug)).toEqual({ status: "done" });
    expect(await getDb().card.count({ where: { deck: { slug } } })).toBe(0);
  });

  it("makes large notes into cards off the request's thread", async () => {
    const big = Array.from({ length: 30 }, (_, i) => notes.replace(/^(#+) (.*)$/gm, `$1 $2 ${i + 1}`)).join("\n\n");
    // The event loop keeps running while the notes are read: other requests are answered.
    let turns = 0;
    const timer = setInterval(() => turns++, 10);
    const built = await buildDraft(draft({ notes: big, corrections: {} }));
    clearInterval(timer);
    if ("error" in built) throw new Error(built.error);
    expect(turns).toBeGreaterThan(0);
    const here = buildDraftInThread(draft({ notes: big, corrections: {} }));
    if ("error" in here) throw new Error(here.error);
    expect(built.deck.cards).toEqual(here.deck.cards);
  });

  it("refuses notes over the size limits with a value, never an error", async () => {
    expect(await buildDraft(draft({ notes: "x".repeat(1_100_000) }))).toEqual({ error: "too-large" });
    expect(await buildDraft(draft({ notes: "a\n".repeat(60_000), corrections: {} }))).toEqual({
      error: "too-many-lines",
    });
    expect(
      await buildDraft(
        draft({ notes: "# A\n\nshort", corrections: { "2": [{ find: "nothing", replace: "x", reason: "r" }] } }),
      ),
    ).toMatchObject({ error: "notes" });
  });

  it("imports a CSV of front/back cards as a private deck, exported back as the same CSV", async () => {
    const owner = await createUser("csv-owner");
    const other = await createUser("csv-other");
    const csv = "front,back\ndocker ps,list running containers\ndocker images,list images\n";
    const created = await createCsvDeck(owner, { title: "CLI words", language: "en", source: "words.csv", csv }, now);
    if (!("slug" in created)) throw new Error(created.error);
    const cards = await getDb().card.findMany({
      where: { deck: { slug: created.slug } },
      orderBy: { position: "asc" },
    });
    expect(cards.map((card) => [card.prompt, card.answer])).toEqual([
      ["docker ps", "list running containers"],
      ["docker images", "list images"],
    ]);
    expect(await exportDeck(owner, created.slug)).toEqual({ format: "csv", csv });
    expect(await exportDeck(other, created.slug)).toBeNull();
    expect(await getReviewQueue(other, { deck: created.slug }, now)).toBeNull();
    expect(
      await createCsvDeck(owner, { title: "Bad", language: "en", source: "bad.csv", csv: 'a,"open\n' }, now),
    ).toMatchObject({ error: "csv" });
  });

  it("updates a CSV deck from a new CSV: matched by question, history kept, rows gone retired, for its owner only", async () => {
    const owner = await createUser("csv-update");
    const other = await createUser("csv-update-other");
    const csv = "front,back\ndocker ps,list running containers\ndocker images,list images\n";
    const created = await createCsvDeck(owner, { title: "CLI", language: "en", source: "cli.csv", csv }, now);
    if (!("slug" in created)) throw new Error(created.error);
    const [first] = (await getReviewQueue(owner, { deck: created.slug }, now))?.cards ?? [];
    if (!first) throw new Error("no card");
    const answer = { cardId: first.id, grade: 3, answerId: crypto.randomUUID(), version: 0, durationMs: 4000 } as const;
    expect(await recordAnswer(owner, answer, now)).toMatchObject({ status: "applied" });

    const next = "front,back\ndocker ps,list the running containers\ndocker rm,remove a container\n";
    expect(await updateCsvDeck(other, created.slug, next, now)).toBeNull();
    expect(await updateCsvDeck(owner, await create(owner), next, now)).toBeNull();
    expect(await updateCsvDeck(owner, created.slug, next, now)).toEqual({
      kept: 0,
      reworded: ["docker ps"],
      added: ["docker rm"],
      retired: ["docker images"],
      restored: [],
    });
    const cards = await getDb().card.findMany({ where: { deck: { slug: created.slug } }, include: { states: true } });
    const byPrompt = new Map(cards.map((card) => [card.prompt, card]));
    expect(byPrompt.get("docker ps")?.answer).toBe("list the running containers");
    expect(byPrompt.get("docker ps")?.states).toHaveLength(1);
    expect(byPrompt.get("docker images")?.retiredAt).not.toBeNull();
    expect(await exportDeck(owner, created.slug)).toEqual({ format: "csv", csv: next });
    expect(await updateCsvDeck(owner, created.slug, "front,back\n", now)).toEqual({ error: "empty" });
  });

  it("made for a team its creator manages, is seen by the team's members only", async () => {
    const lead = await createUser("team-deck-lead");
    const member = await createUser("team-deck-member");
    const outsider = await createUser("team-deck-outsider");
    const first = await create(lead);
    const team = await createTeam(lead, {
      name: "Deck team",
      decks: [first],
      timeZone: "UTC",
      weekStartsOn: 1,
    });
    if (!("id" in team)) throw new Error(team.error);
    const made = await createInvite(lead, team.id, { expiresInHours: 1, maxUses: 5 }, now);
    if (!("token" in made)) throw new Error(made.error);
    await joinTeam(member, made.token, now);
    expect(await createOwnDeck(member, draft(), now, team.id)).toEqual({ error: "not-found" });
    const created = await createOwnDeck(lead, draft({ title: "Team notes" }), now, team.id);
    if (!("slug" in created)) throw new Error(created.error);
    expect((await listDecks(member)).find((deck) => deck.slug === created.slug)?.origin).toBe("team");
    expect((await getReviewQueue(member, { deck: created.slug }, now))?.cards.length).toBeGreaterThan(0);
    expect(await getReviewQueue(outsider, { deck: created.slug }, now)).toBeNull();
    // It stays the lead's to change.
    expect(await renameDeck(member, created.slug, "Taken")).toEqual({ error: "not-found" });
  });
});
