import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/app/_server/db";
import { correctionsSchema } from "@/cards/corrections";
import { generateCards } from "@/cards/generate";
import type { Deck } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { createUser } from "../support/users";

const notesPath = "cards/notes/docker-notes.md";
const notes = readFileSync(notesPath, "utf8");
const corrections = correctionsSchema.parse(
  JSON.parse(readFileSync("cards/notes/docker-notes.corrections.json", "utf8")),
);

function deckFrom(text: string, slug: string): Deck {
  return {
    deck: { slug, title: "Docker", language: "ja", source: notesPath },
    cards: generateCards(text, { path: notesPath, corrections }),
    folded: {},
    typedBefore: {},
  };
}
const newSlug = () => `docker-${crypto.randomUUID().slice(0, 8)}`;

describe("seeding a deck", () => {
  it("loads every card, and a second run with the same notes writes nothing", async () => {
    const slug = newSlug();
    const deck = deckFrom(notes, slug);
    expect(await seedDeck(getDb(), deck)).toMatchObject({ created: deck.cards.length, updated: 0, retired: 0 });
    const before = await getDb().card.findMany({ where: { deck: { slug } }, orderBy: { key: "asc" } });
    expect(await seedDeck(getDb(), deck)).toEqual({ created: 0, updated: 0, retired: 0, unchanged: deck.cards.length });
    expect(await getDb().card.findMany({ where: { deck: { slug } }, orderBy: { key: "asc" } })).toEqual(before);
  });

  it("keeps a user's review state when a note is reworded", async () => {
    const slug = newSlug();
    await seedDeck(getDb(), deckFrom(notes, slug));
    const card = await getDb().card.findFirstOrThrow({ where: { deck: { slug }, prompt: "Dockerfileとは？" } });
    const user = await createUser("learner");
    const dueAt = new Date("2026-12-24T00:00:00Z");
    await getDb().cardState.create({
      data: { userId: user.id, cardId: card.id, state: 2, dueAt, stability: 12.5, reps: 3 },
    });

    const reworded = notes.replace(
      "「コマンドのインストール」や「設定ファイルの配置」などのレイヤーを重ねて、",
      "レイヤーを重ねて、",
    );
    expect(await seedDeck(getDb(), deckFrom(reworded, slug))).toMatchObject({ created: 0, retired: 0 });

    const after = await getDb().card.findUniqueOrThrow({ where: { id: card.id }, include: { states: true } });
    expect(after.answer).toBe(
      "ベースとなるイメージを指定し、レイヤーを重ねて、新たなイメージを作るための指示が書いてあるテキストファイル",
    );
    expect(after.states).toEqual([expect.objectContaining({ userId: user.id, stability: 12.5, reps: 3, dueAt })]);
  });

  it("retires the cards of a deleted section, with their history, and restores them when it returns", async () => {
    const slug = newSlug();
    await seedDeck(getDb(), deckFrom(notes, slug));
    // The overlay network's card is asked from its parent section ("bridge or overlay?").
    const cards = await getDb().card.findMany({ where: { deck: { slug }, sourceStartLine: 237 } });
    expect(cards.map((card) => card.answer)).toEqual(["オーバーレイネットワーク"]);
    const user = await createUser("history");
    await getDb().cardState.create({
      data: { userId: user.id, cardId: cards[0]?.id ?? "", dueAt: new Date(), reps: 1 },
    });

    // Lines 236-237: the overlay network's heading and its one item.
    const withoutSection = notes
      .split("\n")
      .map((line, index) => (index === 235 || index === 236 ? "" : line))
      .join("\n");
    expect(withoutSection).not.toContain("オーバーレイ");
    const counts = await seedDeck(getDb(), deckFrom(withoutSection, slug), new Date("2026-12-01T00:00:00Z"));
    expect(counts.retired).toBeGreaterThanOrEqual(cards.length);

    const retired = await getDb().card.findMany({
      where: { id: { in: cards.map((c) => c.id) } },
      include: { states: true },
    });
    expect(retired.every((c) => c.retiredAt?.toISOString() === "2026-12-01T00:00:00.000Z")).toBe(true);
    expect(retired.flatMap((c) => c.states)).toHaveLength(1);

    await seedDeck(getDb(), deckFrom(notes, slug));
    const restored = await getDb().card.findMany({ where: { id: { in: cards.map((c) => c.id) } } });
    expect(restored.every((c) => c.retiredAt === null)).toBe(true);
  });
});

describe("a card folded into another", () => {
  it("hands its learners' state and log to the card kept, unless they have one there already", async () => {
    const slug = newSlug();
    const deck = deckFrom(notes, slug);
    const [kept, gone] = deck.cards.filter((card) => card.kind === "basic");
    if (!kept || !gone) throw new Error("the deck has too few basic cards");
    // First the deck with both cards; a learner reviewed the one that will be folded.
    await seedDeck(getDb(), deck);
    const ids = async (key: string) =>
      (await getDb().card.findFirstOrThrow({ where: { deck: { slug }, key }, select: { id: true } })).id;
    const [keptId, goneId] = [await ids(kept.key), await ids(gone.key)];
    const [mover, stayer] = [await createUser("mover"), await createUser("stayer")];
    const at = new Date("2026-11-20T00:00:00Z");
    for (const user of [mover, stayer]) {
      await getDb().cardState.create({ data: { userId: user.id, cardId: goneId, dueAt: at, state: 2, reps: 3 } });
      await getDb().reviewLog.create({
        data: {
          userId: user.id,
          cardId: goneId,
          answerId: crypto.randomUUID(),
          grade: 3,
          stateBefore: 0,
          stateAfter: 2,
          stability: 3,
          difficulty: 5,
          dueAt: at,
          scheduledDays: 3,
          durationMs: 1000,
          reviewedAt: at,
          previous: {},
        },
      });
    }
    await getDb().cardState.create({ data: { userId: stayer.id, cardId: keptId, dueAt: at, state: 1, reps: 1 } });

    const folded = {
      ...deck,
      cards: deck.cards.filter((card) => card.key !== gone.key),
      folded: { [gone.key]: kept.key },
    };
    expect(await seedDeck(getDb(), folded)).toMatchObject({ retired: 1 });
    const stateOf = (userId: string, cardId: string) =>
      getDb().cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
    expect(await stateOf(mover.id, keptId)).toMatchObject({ reps: 3, state: 2 });
    expect(await stateOf(mover.id, goneId)).toBeNull();
    expect(await getDb().reviewLog.count({ where: { userId: mover.id, cardId: keptId } })).toBe(1);
    // One who had both keeps the kept card's own state; the folded one stays, retired.
    expect(await stateOf(stayer.id, keptId)).toMatchObject({ reps: 1 });
    expect(await stateOf(stayer.id, goneId)).toMatchObject({ reps: 3 });
    // Again: nothing left to move.
    expect(await seedDeck(getDb(), folded)).toMatchObject({ retired: 0, created: 0, updated: 0 });
  });
});
