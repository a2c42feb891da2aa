/**
 * Idempotent seed: run it twice and the second run changes nothing.
 * `npm start` runs it (`prisma db seed`) after `migrate deploy` on every start.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { hashPassword } from "../app/_lib/passwords.ts";
import { demoAccount } from "./demo-account.ts";
import { PrismaClient } from "./generated/client.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set");

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
try {
  const existing = await prisma.user.findUnique({ where: { email: demoAccount.email }, select: { id: true } });
  if (!existing) {
    // createMany + skipDuplicates: a concurrent start that got there first wins, quietly.
    await prisma.user.createMany({
      data: [
        { email: demoAccount.email, name: demoAccount.name, passwordHash: await hashPassword(demoAccount.password) },
      ],
      skipDuplicates: true,
    });
  }
  const demo = await prisma.user.findUniqueOrThrow({ where: { email: demoAccount.email }, select: { id: true } });
  await prisma.userSettings.createMany({ data: [{ userId: demo.id, timeZone: "Asia/Tokyo" }], skipDuplicates: true });
} finally {
  await prisma.$disconnect();
}
