import { hashPassword } from "@/app/_lib/passwords";
import { getDb } from "@/app/_server/db";
import type { CurrentUser } from "@/app/_server/session";

/** A user row made directly in the test database, with a known password. */
export async function createUser(
  label = "user",
  password = "correct horse battery",
): Promise<CurrentUser & { password: string }> {
  const id = crypto.randomUUID();
  const email = `${label}-${id.slice(0, 8)}@example.com`;
  const user = await getDb().user.create({
    data: { id, email, name: label, passwordHash: await hashPassword(password), settings: { create: {} } },
    select: { id: true, name: true, email: true },
  });
  return { ...user, password, sessionId: crypto.randomUUID(), sessionExpiresAt: new Date(Date.now() + 86_400_000) };
}
