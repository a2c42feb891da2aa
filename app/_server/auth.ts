import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { LRUCache } from "lru-cache";
import { cookies, headers } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { decode, type JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { clientAddressHeader } from "@/app/_lib/client-address";
import { signInSchema, signUpSchema } from "@/app/_lib/credentials";
import {
  findSessionUser,
  isDemoSignIn,
  openPersonalDemo,
  revokeSession,
  type SessionClaims,
  sessionMaxAgeSeconds,
  signUp,
  verifyCredentials,
} from "./accounts";
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

export class SignUpRefused extends CredentialsSignin {
  constructor(readonly reason: "password-common" | "sign-up-refused") {
    super();
    this.code = reason;
  }
}

export class TooManyAttempts extends CredentialsSignin {
  constructor(readonly retryAfterMs: number) {
    super();
    this.code = `rate-limited:${retryAfterMs}`;
  }
}

/** The client's address as server.ts hands it over (see app/_lib/client-address.ts). */
async function requestAddress(): Promise<string> {
  return (await headers()).get(clientAddressHeader) || "unknown";
}

function buildConfig(): NextAuthConfig {
  const env = getEnv();
  const credentials = Credentials({
    credentials: { email: {}, password: {} },
    authorize: async (raw) => {
      const parsed = signInSchema.safeParse(raw);
      if (!parsed.success) throw new InvalidCredentials();
      const address = await requestAddress();
      const result =
        env.KIOKU_DEMO === "personal" && isDemoSignIn(parsed.data)
          ? await openPersonalDemo(address)
          : await verifyCredentials(parsed.data, address);
      if ("error" in result) {
        throw result.error === "rate-limited" ? new TooManyAttempts(result.retryAfterMs) : new InvalidCredentials();
      }
      return result.user;
    },
  });
  // Sign-up is a sign-in that may create the account first: one password hash, and the
  // session is issued by the same code path as any other sign-in.
  const signUpProvider = Credentials({
    id: "sign-up",
    credentials: { name: {}, email: {}, password: {}, timeZone: {} },
    authorize: async (raw) => {
      const parsed = signUpSchema.safeParse(raw);
      if (!parsed.success) throw new SignUpRefused("sign-up-refused");
      const result = await signUp(parsed.data, await requestAddress());
      if ("user" in result) return result.user;
      throw result.error === "rate-limited"
        ? new TooManyAttempts(result.retryAfterMs)
        : new SignUpRefused(result.error);
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
    providers: [credentials, signUpProvider, ...github],
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    useSecureCookies: env.NODE_ENV === "production",
    pages: { signIn: "/sign-in", error: "/sign-in" },
    events: {
      // Every way out (the app's button, Auth.js's own POST /api/auth/signout) revokes
      // the session, so a copy of its cookie is refused afterwards.
      signOut: async (message) => {
        const token = "token" in message ? message.token : null;
        if (token?.sub && token.sid) await revokeSession(token.sub, token.sid);
      },
    },
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

// Decrypted session tokens by their text: the same cookie on the next request costs no
// key derivation and decryption. The text is the key, so nothing can be forged into it;
// expiry is checked on every use.
const decodedTokens = new LRUCache<string, JWT>({ max: 10_000 });

async function decodeSessionToken(value: string, secret: string, salt: string): Promise<JWT | null> {
  const cached = decodedTokens.get(value);
  const token = cached ?? (await decode({ token: value, secret, salt }).catch(() => null));
  if (!token || typeof token.exp !== "number" || token.exp * 1000 <= Date.now()) return null;
  if (!cached) decodedTokens.set(value, token);
  return token;
}

/** A session token's claims, with what the session shows of its user. */
export type TokenClaims = SessionClaims & { name: string; email: string; expires: Date };

/**
 * The claims of the request's session cookie, decrypted and unexpired, but not yet
 * checked against the database (the caller does: findSessionUser or sessionIsCurrent).
 * The same checks `auth()` makes, without Auth.js's internal request and the cookie it
 * issues again: the JSON API's hot path. Pages use `auth()`, which also slides expiry.
 */
export async function readSessionClaims(): Promise<TokenClaims | null> {
  const env = getEnv();
  if (!env.AUTH_SECRET) return null;
  // Auth.js's cookie name, with the prefix it adds when cookies are Secure.
  const name = `${env.NODE_ENV === "production" ? "__Secure-" : ""}authjs.session-token`;
  const jar = await cookies();
  // A token too long for one cookie comes in chunks: name.0, name.1, …
  const chunks = jar
    .getAll()
    .filter((cookie) => cookie.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  const value = jar.get(name)?.value ?? chunks.map((cookie) => cookie.value).join("");
  if (!value) return null;
  const token = await decodeSessionToken(value, env.AUTH_SECRET, name);
  if (!token?.sub || !token.sid || typeof token.sv !== "number" || typeof token.exp !== "number") return null;
  return {
    userId: token.sub,
    sessionVersion: token.sv,
    sessionId: token.sid,
    name: token.name ?? "",
    email: token.email ?? "",
    expires: new Date(token.exp * 1000),
  };
}
