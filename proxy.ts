import { type NextRequest, NextResponse } from "next/server";
import { isCrossSite, isSafeMethod } from "@/app/_lib/cross-site";

// For pages and actions: a per-request nonce for Next's own inline scripts, and no
// state-changing request from another site. The review API (app/api/review, outside the
// matcher: it is the hot path) refuses cross-site requests itself, in app/_server/api.ts,
// and serves JSON, which needs no nonce.
// Authorization is not done here: every page, action and route calls requireUser()
// or withUser().

function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script are trusted; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (public/sw.js), this site's own file.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // GitHub sign-in posts a form that redirects to github.com.
    "form-action 'self' https://github.com",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  if (!isSafeMethod(request.method) && isCrossSite(request.headers)) {
    return new NextResponse("Cross-site request refused", { status: 403 });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");

  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on its scripts.
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!api/review/|_next/static|_next/image|favicon.ico).*)"],
};
