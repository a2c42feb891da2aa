import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { localeCookie } from "@/app/_lib/locale";
import { expect, newAccount, signUp, test } from "./fixtures";

// Random input at every route handler and every server action of the running production
// build, signed in and not: whatever comes in, the answer is never a 5xx. Routes and
// actions are read from the build's own manifests, so a new one cannot be left out.

const require = createRequire(import.meta.url);
// React's encoder for server action arguments, as the browser uses it.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
};

const manifest = (name: string) => JSON.parse(readFileSync(`.next/server/${name}`, "utf8"));

// A manifest entry's path as a URL: route groups dropped, dynamic segments filled in.
const toUrl = (entry: string) =>
  `/${entry
    .replace(/^\/?app\//, "")
    .split("/")
    .filter((part) => part && !/^\(.*\)$/.test(part) && part !== "page" && part !== "route")
    .join("/")}`;

const entries = Object.keys(manifest("app-paths-manifest.json")).filter((entry) => !entry.includes("/_"));
const routes = entries.filter((entry) => entry.endsWith("/route")).map(toUrl);
// Pages take posts too: server actions, and forms sent without JavaScript.
const pages = entries
  .filter((entry) => entry.endsWith("/page"))
  .map((entry) => toUrl(entry).replace("[slug]", "docker"));

type ActionEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
const actions = Object.entries(manifest("server-reference-manifest.json").node as Record<string, ActionEntry>).map(
  ([id, entry]) => ({ id, name: entry.exportedName, page: toUrl(Object.keys(entry.workers)[0] ?? "/") }),
);

// Text as an attacker would send it: control characters, lone surrogates, huge, empty.
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", "\u0000", "abc\u0000defgh", "\ud800", "x".repeat(20_000), "demo@kioku.local", "/%09/evil.com"),
  fc.emailAddress(),
  fc.emailAddress().map((email) => `${email}\u0000`),
);
// Plain objects only: what JSON or a form can carry (the arbitraries also make null-prototype ones).
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null));
const hostileJson = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), hostileText)).map(plain);
const formFields = (names: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), hostileText, { maxKeys: names.length + 2 });

const toFormData = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
};

// A deck draft with hostile parts: markdown-like text, corrections that may not fit, any keys.
const draftArbitrary = fc
  .record({
    title: hostileText,
    language: fc.oneof(fc.constant("ja"), hostileText),
    source: hostileText,
    notes: fc.oneof(
      hostileText,
      fc
        .array(
          fc.oneof(fc.constantFrom("# ", "## ", "- ", "```", "| a | b |", "**", "`", "$ docker ps", "\n"), hostileText),
          { maxLength: 40 },
        )
        .map((parts) => parts.join("")),
    ),
    corrections: fc.oneof(
      fc.constant({}),
      fc.dictionary(
        fc.integer({ min: 1, max: 50 }).map(String),
        fc.array(fc.record({ find: hostileText, replace: hostileText, reason: hostileText }), {
          minLength: 1,
          maxLength: 2,
        }),
        { maxKeys: 3 },
      ),
    ),
    dropped: fc.array(hostileText, { maxLength: 3 }),
  })
  // Plain objects, as a browser would send them.
  .map(plain);

// The arguments each action is called with; an action missing here fails the test.
/** A form with these fields and an uploaded CSV file of hostile text. */
const csvForm = (names: string[]) =>
  fc.tuple(formFields(names), hostileText).map(([fields, csv]) => {
    const form = toFormData(fields);
    form.append("file", new File([csv], "cards.csv", { type: "text/csv" }));
    return form;
  });

const argumentsOf: Record<string, fc.Arbitrary<unknown[]>> = {
  signInAction: fc.tuple(hostileJson, formFields(["email", "password", "callbackUrl"]).map(toFormData)),
  signUpAction: fc.tuple(
    hostileJson,
    formFields(["name", "email", "password", "timeZone", "callbackUrl"]).map(toFormData),
  ),
  signInWithGitHubAction: fc.tuple(formFields(["callbackUrl"]).map(toFormData)),
  saveSettingsAction: fc.tuple(
    hostileJson,
    formFields([
      "locale",
      "timeZone",
      "desiredRetention",
      "fuzz",
      "newCardsPerDay",
      "maxReviewsPerDay",
      "dayStartHour",
    ]).map(toFormData),
  ),
  setLocaleAction: fc.tuple(hostileJson),
  fitMemoryModelAction: fc.tuple(hostileJson),
  restoreParametersAction: fc.tuple(
    hostileJson,
    fc
      .oneof(
        formFields(["version"]),
        fc.uuid().map((version) => ({ version })),
      )
      .map(toFormData),
  ),
  startTestAction: fc.tuple(
    hostileJson,
    formFields([
      "deck",
      "section",
      "fromWeakest",
      "count",
      "format",
      "timeLimitMinutes",
      "feedback",
      "countsAsReviews",
      "team",
    ]).map(toFormData),
  ),
  answerQuestionAction: fc.tuple(
    fc.oneof(
      hostileJson,
      fc
        .record({
          testId: fc.oneof(fc.uuid(), hostileText),
          position: fc.oneof(fc.integer(), hostileText),
          answer: hostileText,
          confidence: fc.constantFrom("sure", "unsure", null, "x"),
          durationMs: fc.oneof(fc.integer(), fc.double()),
        })
        .map(plain),
    ),
  ),
  retakeMissedAction: fc.tuple(formFields(["testId"]).map(toFormData)),
  saveExamAction: fc.tuple(hostileJson, formFields(["deck", "section", "examAt", "dailyMinutes"]).map(toFormData)),
  previewDeckAction: fc.tuple(fc.oneof(hostileJson, draftArbitrary)),
  editCardAction: fc.tuple(
    fc.oneof(
      hostileJson,
      fc
        .record({
          draft: draftArbitrary,
          line: fc.oneof(fc.integer(), hostileText),
          before: hostileText,
          after: hostileText,
        })
        .map(plain),
    ),
  ),
  createDeckAction: fc.tuple(
    fc.oneof(hostileJson, draftArbitrary),
    fc.oneof(fc.constant(null), fc.uuid(), hostileText),
  ),
  previewUpdateAction: fc.tuple(fc.oneof(hostileText, fc.constant("docker")), fc.oneof(hostileJson, draftArbitrary)),
  applyUpdateAction: fc.tuple(fc.oneof(hostileText, fc.constant("docker")), fc.oneof(hostileJson, draftArbitrary)),
  importCsvAction: fc.tuple(hostileJson, csvForm(["title", "language"])),
  renameDeckAction: fc.tuple(formFields(["deck", "title"]).map(toFormData)),
  updateCsvAction: fc.tuple(hostileJson, csvForm(["deck"])),
  archiveDeckAction: fc.tuple(formFields(["deck", "archive"]).map(toFormData)),
  deleteDeckAction: fc.tuple(formFields(["deck", "confirm"]).map(toFormData)),
  createTeamAction: fc.tuple(hostileJson, formFields(["name", "deck", "timeZone", "weekStartsOn"]).map(toFormData)),
  createInviteAction: fc.tuple(hostileJson, formFields(["team", "expiresInHours", "maxUses"]).map(toFormData)),
  joinTeamAction: fc.tuple(hostileJson, formFields(["token"]).map(toFormData)),
  saveTeamExamAction: fc.tuple(hostileJson, formFields(["team", "deck", "section", "examAt"]).map(toFormData)),
  revokeInviteAction: fc.tuple(formFields(["team", "invite"]).map(toFormData)),
  removeMemberAction: fc.tuple(formFields(["team", "member"]).map(toFormData)),
  setRoleAction: fc.tuple(formFields(["team", "member", "role"]).map(toFormData)),
  transferOwnershipAction: fc.tuple(formFields(["team", "member"]).map(toFormData)),
  setOnBoardAction: fc.tuple(formFields(["team", "onBoard"]).map(toFormData)),
  leaveTeamAction: fc.tuple(formFields(["team"]).map(toFormData)),
  deleteTeamAction: fc.tuple(formFields(["team", "confirm"]).map(toFormData)),
  signOutAction: fc.array(hostileJson, { maxLength: 2 }),
  signOutEverywhereAction: fc.array(hostileJson, { maxLength: 2 }),
};
// These end the session the others run in: called last.
const sessionEnders = new Set(["signOutAction", "signOutEverywhereAction"]);

async function callAction(request: APIRequestContext, action: (typeof actions)[number], args: unknown[]) {
  const body = await encodeReply(args);
  return request.fetch(action.page, {
    method: "POST",
    headers: {
      "Next-Action": action.id,
      Accept: "text/x-component",
      ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
    },
    ...(typeof body === "string" ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
}

const requestArbitrary = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
  // Auth.js's catch-all and the card id: any path below the route.
  suffix: fc.oneof(
    fc.constant(""),
    fc.constantFrom("signin", "signout", "session", "csrf", "providers", "callback/credentials", "callback/github"),
    fc.uuid(),
    fc.string().map(encodeURIComponent),
  ),
  query: fc.dictionary(fc.constantFrom("deck", "section", "callbackUrl", "error"), hostileText, { maxKeys: 3 }),
  body: fc.oneof(
    hostileJson.map((value) => JSON.stringify(value)),
    fc
      .record({
        cardId: fc.oneof(fc.uuid(), hostileText),
        grade: fc.oneof(fc.integer(), fc.double(), hostileText),
        answerId: hostileText,
        version: fc.oneof(fc.integer(), hostileText),
        durationMs: fc.oneof(fc.integer(), fc.double()),
        action: fc.oneof(fc.constantFrom("suspend", "bury", "forget"), hostileText),
      })
      .map((value) => JSON.stringify(value)),
    hostileText,
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  ),
  contentType: fc.constantFrom(
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
  ),
});

async function throwAtRoutes(request: APIRequestContext, numRuns: number) {
  for (const page of pages) {
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async ({ body, contentType }) => {
        const response = await request.fetch(page, {
          method: "POST",
          headers: { "Content-Type": contentType },
          data: body,
          maxRedirects: 0,
        });
        expect(response.status(), `POST ${page} ${contentType}`).toBeLessThan(500);
      }),
      { numRuns: Math.ceil(numRuns / 3) },
    );
  }
  for (const route of routes) {
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async ({ method, suffix, query, body, contentType }) => {
        const base = route.includes("[") ? route.replace(/\[\.\.\.\w+\]|\[\w+\]/, suffix || "x") : route;
        const url = `${base}?${new URLSearchParams(query)}`;
        const response = await request.fetch(url, {
          method,
          headers: { "Content-Type": contentType },
          ...(method === "GET" ? {} : { data: body }),
          maxRedirects: 0,
        });
        expect(response.status(), `${method} ${url}`).toBeLessThan(500);
      }),
      { numRuns },
    );
  }
}

test("every route and action answers random input without a server error", async ({ page }) => {
  // Hundreds of requests, a few of them password hashes, on two cores.
  test.setTimeout(240_000);
  expect(routes).toContain("/api/review/answers");
  expect(pages).toContain("/decks/docker/review");
  for (const action of actions) expect(Object.keys(argumentsOf), action.name).toContain(action.name);

  await throwAtRoutes(page.request, 10);
  await signUp(page, newAccount("random"));
  await throwAtRoutes(page.request, 25);

  // The calls reach the actions: a well-formed one does what it says.
  const setLocale = actions.find((action) => action.name === "setLocaleAction");
  if (!setLocale) throw new Error("setLocaleAction is not in the build");
  expect((await callAction(page.request, setLocale, ["ja"])).status()).toBe(200);
  expect((await page.context().cookies()).find((cookie) => cookie.name === localeCookie)?.value).toBe("ja");

  const ordered = [...actions].sort((a, b) => Number(sessionEnders.has(a.name)) - Number(sessionEnders.has(b.name)));
  for (const action of ordered) {
    await fc.assert(
      fc.asyncProperty(argumentsOf[action.name] as fc.Arbitrary<unknown[]>, async (args) => {
        const response = await callAction(page.request, action, args);
        expect(response.status(), `${action.name} ${JSON.stringify(args).slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 15 },
    );
  }
});

test("a body over 16 KB is refused unread", async ({ page }) => {
  await signUp(page, newAccount("big-body"));
  const response = await page.request.post("/api/review/answers", {
    headers: { "Content-Type": "application/json" },
    data: JSON.stringify({ padding: "x".repeat(50 * 1024 * 1024) }),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).message).toMatch(/at most 16384 bytes/);
});
