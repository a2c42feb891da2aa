import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled at build time, so the browser gets no ICU message parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./app/_i18n/request.ts",
  experimental: { messages: { path: "./app/_i18n/messages", format: "json", locales: "infer", precompile: true } },
});

// Headers for every response, static files included; proxy.ts adds the per-request
// Content-Security-Policy to pages and routes.
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Production builds: HTTPS only from the first visit on (browsers ignore it over plain HTTP,
  // so a local `npm start` on http://localhost is unaffected).
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Packages with WebAssembly or native parts, or that start worker threads, stay outside the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "piscina"],
  headers: async () => [
    { source: "/:path*", headers: securityHeaders },
    // The service worker is checked for a new version on every visit.
    { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
  ],
  // Notes up to 1 MB are uploaded through a server action (the app checks the size itself).
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
};

export default withNextIntl(nextConfig);
