import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { signInSchema } from "@/app/_lib/credentials";
import { findSessionUser, verifyCredentials } from "./accounts";
import { getDb } from "./db";
import { getEnv } from "./env";

declare module "next-auth" {
  interface Session {
    sessionId: string;
    user: { id: string; name: string; email: string };
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** Random per sign-in: names this session for "sign out". */
    sid?: string;
    /** The user's session version at sign-in: "sign out everywhere" raises it. */
    sv?: number;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid-credentials";
}

export class TooManyAttempts extends CredentialsSignin {
  constructor(readonly retryAfterMs: number) {
    super();
    this.code = `rate-limited:${retryAfterMs}`;
  }
}

/** The client's address as server.ts hands it over (the socket's, or a trusted proxy's). */
async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for") ?? "";
  return forwarded.split(",").at(-1)?.trim() || "unknown";
}

function buildConfig(): NextAuthConfig {
  const env = getEnv();
  const credentials = Credentials({
    credentials: { email: {}, password: {} },
    authorize: async (raw) => {
      const parsed = signInSchema.safeParse(raw);
      if (!parsed.success) throw new InvalidCredentials();
      const result = await verifyCredentials(parsed.data, await clientAddress());
      if ("error" in result) {
        throw result.error === "rate-limited" ? new TooManyAttempts(result.retryAfterMs) : new InvalidCredentials();
      }
      return result.user;
    },
  });
  const github =
    env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
      ? [
          GitHub({
            clientId: env.AUTH_GITHUB_ID,
            clientSecret: env.AUTH_GITHUB_SECRET,
            profile: (profile) => ({
              id: String(profile.id),
              name: profile.name ?? profile.login,
              email: profile.email,
              image: profile.avatar_url,
            }),
          }),
        ]
      : [];
  return {
    adapter: PrismaAdapter(getDb()),
    providers: [credentials, ...github],
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    useSecureCookies: env.NODE_ENV === "production",
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      // Runs at sign-in (with `user`) and on every later auth(): the check that makes
      // sign-out final. A null token ends the session and clears its cookie.
      jwt: async ({ token, user }) => {
        if (user?.id) {
          return { ...token, sub: user.id, sid: crypto.randomUUID(), sv: user.sessionVersion ?? 0 };
        }
        if (!token.sub || !token.sid || token.sv === undefined) return null;
        const current = await findSessionUser(token.sub, token.sv, token.sid);
        if (!current) return null;
        return { ...token, name: current.name, email: current.email };
      },
      session: ({ session, token }) => ({
        ...session,
        sessionId: token.sid ?? "",
        user: { ...session.user, id: token.sub ?? "", name: token.name ?? "", email: token.email ?? "" },
      }),
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
