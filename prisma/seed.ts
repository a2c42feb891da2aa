/**
 * Idempotent seed: run it twice and the second run changes nothing.
 * `prisma db seed` runs it after `migrate deploy` on every start.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set");

const demoUser = { email: "demo@kioku.local", name: "Demo" } as const;

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
try {
  // createMany + skipDuplicates writes nothing when the row exists (an upsert would bump updatedAt).
  await prisma.user.createMany({ data: [demoUser], skipDuplicates: true });
  const demo = await prisma.user.findUniqueOrThrow({ where: { email: demoUser.email }, select: { id: true } });
  await prisma.userSettings.createMany({ data: [{ userId: demo.id }], skipDuplicates: true });
} finally {
  await prisma.$disconnect();
}
