import type { NextRequest } from "next/server";
import { isAuthCallbackUrl } from "@/app/_lib/credentials";
import { json } from "@/app/_server/api";
import { handlers } from "@/app/_server/auth";

// Auth.js answers a callback URL it cannot use (query or cookie) with a 500, as if the
// server were misconfigured: such a request is the client's mistake, so it gets a 400.
function refuseBadCallbackUrl(request: NextRequest): Response | null {
  const values = [
    ...request.nextUrl.searchParams.getAll("callbackUrl"),
    ...request.cookies
      .getAll()
      .filter((cookie) => cookie.name.endsWith("authjs.callback-url"))
      .map((cookie) => cookie.value),
  ];
  return values.filter(Boolean).every(isAuthCallbackUrl)
    ? null
    : json(400, { error: "invalid-callback-url", message: "callbackUrl must be a path or an http(s) URL." });
}

export const GET = (request: NextRequest) => refuseBadCallbackUrl(request) ?? handlers.GET(request);
export const POST = (request: NextRequest) => refuseBadCallbackUrl(request) ?? handlers.POST(request);
