/**
 * Idempotent seed: run it twice and the second run changes nothing.
 * `npm start` runs it (`prisma db seed`) after `migrate deploy` on every start.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { hashPassword } from "../app/_lib/passwords.ts";
import { shippedDecks } from "../cards/decks.ts";
import { deckSchema } from "../cards/types.ts";
import { demoAccount, demoMode } from "./demo-account.ts";
import { PrismaClient } from "./generated/client.ts";
import { seedDeck } from "./seed-decks.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set");

async function seedDemoAccount(prisma: PrismaClient): Promise<void> {
  const existing = await prisma.user.findUnique({
    where: { email: demoAccount.email },
    select: { id: true, passwordHash: true },
  });
  if (!existing) {
    // createMany + skipDuplicates: a concurrent start that got there first wins, quietly.
    await prisma.user.createMany({
      data: [
        { email: demoAccount.email, name: demoAccount.name, passwordHash: await hashPassword(demoAccount.password) },
      ],
      skipDuplicates: true,
    });
  } else if (!existing.passwordHash) {
    // Closed while the demo was off (below); open again.
    await prisma.user.update({
      where: { id: existing.id },
      data: { passwordHash: await hashPassword(demoAccount.password) },
    });
  }
  const demo = await prisma.user.findUniqueOrThrow({ where: { email: demoAccount.email }, select: { id: true } });
  await prisma.userSettings.createMany({ data: [{ userId: demo.id, timeZone: "Asia/Tokyo" }], skipDuplicates: true });
}

// A shared demo account left from an earlier start keeps its progress, but its published
// password opens it no more.
async function closeDemoAccount(prisma: PrismaClient): Promise<void> {
  await prisma.user.updateMany({ where: { email: demoAccount.email }, data: { passwordHash: null } });
}

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
try {
  // Only on a machine of your own: a shared account with a public password on a public
  // server would let any visitor sign out, undo or reset every other visitor.
  if (demoMode(process.env) === "shared") await seedDemoAccount(prisma);
  else await closeDemoAccount(prisma);
  for (const { slug } of shippedDecks) {
    const file = path.join(import.meta.dirname, "..", "cards", "decks", `${slug}.json`);
    const deck = deckSchema.parse(JSON.parse(await readFile(file, "utf8")));
    const counts = await seedDeck(prisma, deck);
    console.log(`deck ${slug}: ${JSON.stringify(counts)}`);
  }
} finally {
  await prisma.$disconnect();
}
