// Random input at every API route and webhook, signed out and as each role, and at every server
// action as each caller it must refuse and as the least caller it must let in: the real handlers,
// in Next's request scope (test/as-request.ts), against this file's PostgreSQL and Redis. Whatever
// arrives, a route never answers 5xx, every error is { error: { code, message } }, a bad webhook
// signature is a 400, an action refuses (sign-in state, or 403) before reading its input, an
// action given junk by a caller it lets in answers with a form message rather than its
// "something went wrong" sentence, and a refused request writes nothing (a fingerprint of every
// table is unchanged).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

import { API_ROUTE_FILES } from "@/app/api/v1/openapi.json/api-routes";
import * as carrierWebhook from "@/app/api/webhooks/carrier/route";
import * as stripeConnectWebhook from "@/app/api/webhooks/stripe-connect/route";
import * as stripeWebhook from "@/app/api/webhooks/stripe/route";
import { sealTotpSecret } from "@/lib/auth/seal-totp-secret";
import { db } from "@/lib/db/client";
import { tapLogLines } from "@/lib/log/logger";
import { inRequestScope, requestHeaders, sessionCookie } from "@/test/as-request";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";

import { HTTP_METHODS } from "./openapi/build-openapi-document";
import { GENERIC_FAILURE } from "./server-action";

const ORIGIN = "http://localhost:3000";
// next.config.ts turns on authInterrupts (Next inlines the flag into its build): actions answer a wrong role with forbidden().
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= "true";
// Runs per route method and role; fast-check shrinks any failure to a small counterexample.
const RUNS = Number(process.env.RANDOM_INPUT_RUNS ?? 4);

type Role = "anonymous" | "buyer" | "seller" | "admin";
const ROLES: Role[] = ["anonymous", "buyer", "seller", "admin"];
const cookies: Partial<Record<Role, string>> = {};
const ids: string[] = [];

/** Every table's rows, hashed in one statement (rate-limit counters excluded: counting is their job). */
let fingerprintSql = "";
async function fingerprint(): Promise<string> {
  const [row] = await db().$queryRawUnsafe<{ f: string }[]>(fingerprintSql);
  return row.f;
}

beforeAll(async () => {
  const prisma = db();
  const buyer = await createUser(prisma, { role: "buyer" });
  const { user: sellerUser, seller } = await createSeller(prisma);
  const admin = await createUser(prisma, { role: "admin" });
  // Admin actions need two-factor sign-in on (lib/auth/guards.ts); the secret is never used here.
  await prisma.twoFactor.create({
    data: { userId: admin.id, secretSealed: sealTotpSecret("JBSWY3DPEHPK3PXP", admin.id), enabledAt: new Date() },
  });
  const category = await createCategory(prisma);
  const product = await createProduct(prisma, { sellerId: seller.id, categoryId: category.id });
  cookies.buyer = await sessionCookie(buyer);
  cookies.seller = await sessionCookie(sellerUser);
  cookies.admin = await sessionCookie(admin);
  // Real ids, so random input also reaches past "not found" into the handlers' own checks.
  ids.push(buyer.id, sellerUser.id, seller.id, product.id, String(category.id));
  // search_events is the search log: a search (a read) that finds nothing is logged there by
  // design, by a batched writer a second later, so it would land in another route's fingerprint.
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('rate_limit_buckets', '_prisma_migrations', 'search_events')
     ORDER BY table_name`;
  fingerprintSql = `SELECT md5(${tables
    .map((t) => `coalesce((SELECT string_agg(md5(x::text), '' ORDER BY md5(x::text)) FROM "${t.table_name}" x), '')`)
    .join(" || ")}) AS f`;
});

// ─── random input ───

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "1e3",
    "-1",
    "0",
    "NaN",
    "true",
    "null",
    "[]",
    "../..",
    "%00",
    "<script>",
  ),
);
const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, -0),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(text, fc.constantFrom("quantity", "price_cents", "title", "product_id", "rating", "body", "email")),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;
// Header values are visible ASCII (anything else never reaches a handler).
const signatureLike = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.constantFrom("t=1,v1=00", `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`, "sha256=00"),
);
const idLike = () => fc.oneof(fc.constantFrom(...ids), fc.uuid(), text);
const query = fc.dictionary(
  fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom("q", "page", "per_page", "sort", "stars", "category", "status", "cursor"),
  ),
  text,
  { maxKeys: 4 },
);
const body = fc.oneof(
  { weight: 4, arbitrary: json.map((v) => ({ raw: JSON.stringify(v) ?? "null", type: "application/json" })) },
  { weight: 1, arbitrary: text.map((t) => ({ raw: t, type: "application/json" })) },
  { weight: 1, arbitrary: text.map((t) => ({ raw: t, type: "text/plain" })) },
);

function assertErrorShape(status: number, payload: unknown, where: string): void {
  expect(status, `${where} answered ${status}: ${JSON.stringify(payload)}`).toBeLessThan(500);
  if (status >= 400) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    expect(typeof error?.code, `${where}: ${JSON.stringify(payload)}`).toBe("string");
    expect(typeof error?.message, `${where}: ${JSON.stringify(payload)}`).toBe("string");
  }
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  handler: Handler,
  method: string,
  path: string,
  params: Record<string, string>,
  role: Role,
  input: { query: Record<string, string>; body: { raw: string; type: string }; headers?: Record<string, string> },
): Promise<{ status: number; payload: unknown }> {
  const url = new URL(
    path.replace(/\[([^\]]+)\]/g, (_, n: string) => encodeURIComponent(params[n] ?? "x")),
    ORIGIN,
  );
  for (const [k, v] of Object.entries(input.query)) url.searchParams.set(k, v);
  const headers = requestHeaders({
    cookie: cookies[role],
    extra: { "content-type": input.body.type, ...input.headers },
  });
  const hasBody = method !== "GET" && method !== "DELETE";
  const res = await inRequestScope(url.toString(), headers, () =>
    handler(new NextRequest(url, { method, headers, body: hasBody ? input.body.raw : undefined }), {
      params: Promise.resolve(params),
    }),
  );
  const raw = await res.text();
  let payload: unknown = raw;
  try {
    payload = JSON.parse(raw);
  } catch {
    // a non-JSON success (a PDF label, the metrics text) is fine; an error must be JSON
  }
  return { status: res.status, payload };
}

const paramNames = (path: string) => [...path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
const paramsFor = (path: string) =>
  fc.record(Object.fromEntries(paramNames(path).map((n) => [n, idLike()])) as Record<string, fc.Arbitrary<string>>);

const routes = API_ROUTE_FILES.flatMap((file) =>
  HTTP_METHODS.filter((m) => typeof file.module[m] === "function").map((method) => ({
    path: file.path,
    method,
    handler: file.module[method] as Handler,
  })),
);

const measured = { calls: 0, started: 0 };

describe("random input at every route and action", () => {
  it("finds every route method and action", () => {
    measured.started = performance.now();
    expect(routes.length).toBeGreaterThan(40);
    expect(actions().length).toBeGreaterThan(30);
    // An action whose access the list could not read would silently drop out of it.
    const declared = actionFiles().reduce(
      (n, file) => n + [...readFileSync(file, "utf8").matchAll(/^export const \w+ = serverAction\(/gm)].length,
      0,
    );
    expect(actions().length).toBe(declared);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", async (_name, route) => {
    for (const role of ROLES) {
      const before = await fingerprint();
      let succeeded = false;
      await fc.assert(
        fc.asyncProperty(paramsFor(route.path), query, body, async (params, q, b) => {
          const { status, payload } = await call(route.handler, route.method, route.path, params, role, {
            query: q,
            body: b,
          });
          measured.calls++;
          assertErrorShape(status, payload, `${route.method} ${route.path} as ${role}`);
          if (status < 400) succeeded = true;
        }),
        { numRuns: RUNS },
      );
      // A refused request writes nothing; a read writes nothing either way.
      if (!succeeded || route.method === "GET")
        expect(await fingerprint(), `${route.method} ${route.path} as ${role} wrote to the database`).toBe(before);
    }
  });

  it.each([
    ["/api/webhooks/stripe", stripeWebhook.POST, "stripe-signature"],
    ["/api/webhooks/stripe-connect", stripeConnectWebhook.POST, "stripe-signature"],
    ["/api/webhooks/carrier", carrierWebhook.POST, "carrier-signature"],
  ] as const)("POST %s with a bad signature is a 400 and writes nothing", async (path, handler, header) => {
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(body, fc.option(signatureLike, { nil: undefined }), async (b, signature) => {
        const { status, payload } = await call(handler as unknown as Handler, "POST", path, {}, "anonymous", {
          query: {},
          body: b,
          headers: signature === undefined ? {} : { [header]: signature },
        });
        measured.calls++;
        expect(status, `${path}: ${JSON.stringify(payload)}`).toBe(400);
        assertErrorShape(status, payload, path);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(await fingerprint()).toBe(before);
  });

  // Signed out, or signed in without the role: refused before the input is read. Public actions
  // (forgot password, reset password, confirm email) refuse nobody, so they are not in this list.
  it.each(
    actions()
      .filter((a) => a.access !== "public")
      .map((a) => [a.name, a] as const),
  )("action %s refuses callers without access", async (_name, action) => {
    const fn = await action.load();
    const refusedRoles = ROLES.filter((r) => !allowed(fn.spec.access, r));
    expect(refusedRoles).toContain("anonymous");
    for (const role of refusedRoles) {
      const before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(json, formData()), { maxLength: 5 }), async (args) => {
          const headers = requestHeaders({ cookie: cookies[role] });
          const outcome = await inRequestScope(`${ORIGIN}/`, headers, () => fn(...args)).then(
            (result) => ({ result, digest: undefined }),
            (err: unknown) => ({ result: undefined, digest: (err as { digest?: string }).digest }),
          );
          measured.calls++;
          const where = `${action.name} as ${role}`;
          if (role === "anonymous") expect(failureMessage(outcome.result), where).toBe("Sign in to continue.");
          else
            expect(outcome.digest, `${where}: ${JSON.stringify(outcome.result)}`).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
        }),
        { numRuns: RUNS },
      );
      expect(await fingerprint(), `${action.name} as ${role} wrote to the database`).toBe(before);
    }
  });

  // The least caller an action lets in (a buyer for "user", the seller for "seller"), with junk:
  // wrong types, missing fields, FormData of random names. The schema answers, not the action's
  // "unexpected" path; anything but Next's own control flow (redirect, notFound) is a failure,
  // and an answer that refuses writes nothing.
  it.each(actions().map((a) => [a.name, a] as const))(
    "action %s answers junk from an allowed caller cleanly",
    async (_name, action) => {
      const fn = await action.load();
      const role = ROLES.find((r) => allowed(fn.spec.access, r))!;
      const unexpected = fn.spec.unexpected ?? GENERIC_FAILURE;
      await fc.assert(
        fc.asyncProperty(actionArgs(), async (args) => {
          const before = await fingerprint();
          const headers = requestHeaders({ cookie: cookies[role] });
          const logged: string[] = [];
          const untap = tapLogLines((line) => logged.push(line));
          const outcome = await inRequestScope(`${ORIGIN}/`, headers, () => fn(...args))
            .then(
              (result) => ({ result, thrown: undefined }),
              (err: unknown) => ({ result: undefined, thrown: err }),
            )
            .finally(untap);
          measured.calls++;
          const where = `${action.name} as ${role} with ${describeArgs(args)}`;
          const digest = (outcome.thrown as { digest?: unknown } | undefined)?.digest;
          if (outcome.thrown !== undefined)
            expect(String(digest), `${where} threw ${String(outcome.thrown)}`).toMatch(
              /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/,
            );
          const message = failureMessage(outcome.result);
          expect(message, `${where} reached its unexpected-error path: ${logged.join("")}`).not.toBe(unexpected);
          if (message !== undefined) expect(await fingerprint(), `${where} refused but wrote`).toBe(before);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it("stays quick", () => {
    const seconds = (performance.now() - measured.started) / 1000;
    console.log(
      `[random-input] ${routes.length} route methods, 3 webhooks, ${actions().length} actions: ${measured.calls} calls in ${seconds.toFixed(1)} s`,
    );
    expect(measured.calls).toBeGreaterThan(0);
  });
});

// ─── server actions ───

function allowed(access: string, role: Role): boolean {
  if (role === "anonymous") return access === "public";
  if (access === "public" || access === "user" || access === "buyer" || role === "admin") return true;
  return access === role;
}

type ActionFn = ((...args: unknown[]) => Promise<unknown>) & { spec: { access: string; unexpected?: string } };

function actionFiles(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return actionFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.includes(".test.") && /^"use server";/m.test(readFileSync(full, "utf8"))
      ? [full]
      : [];
  });
}

let actionList: { name: string; access: string; load: () => Promise<ActionFn> }[] | null = null;
function actions() {
  if (actionList) return actionList;
  actionList = actionFiles().flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return [...source.matchAll(/^export const (\w+) = serverAction\(\s*\{\s*access:\s*"(\w+)"/gm)].map((m) => ({
      name: `${relative(".", file)}#${m[1]}`,
      access: m[2],
      load: async () => ((await import(/* @vite-ignore */ `@/${file}`)) as Record<string, ActionFn>)[m[1]],
    }));
  });
  return actionList;
}

/**
 * Junk in every position, or the shapes our pages send (bound ids, the previous state, a form)
 * with junk fields, so the run also reaches past the argument check into each action's schema.
 */
function actionArgs(): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    fc.array(fc.oneof(json, formData()), { maxLength: 4 }),
    fc.tuple(json, formData()),
    fc.tuple(idLike(), json, formData()),
    fc.tuple(idLike(), idLike(), json, formData()),
    fc.tuple(idLike(), fc.oneof(fc.boolean(), fc.constant("USD"), json), json, formData()),
  );
}

function formData(): fc.Arbitrary<FormData> {
  return fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom("quantity", "title", "priceCents", "reason", "note", "decision", "productId", "count"),
        ),
        text,
      ),
      { maxLength: 6 },
    )
    .map((entries) => {
      const f = new FormData();
      for (const [k, v] of entries) f.append(k, v);
      return f;
    });
}

/** Arguments as a failure message shows them (FormData as its entries). */
function describeArgs(args: unknown[]): string {
  return JSON.stringify(args.map((a) => (a instanceof FormData ? { FormData: [...a.entries()] } : a)));
}

/** The sentence a failed action shows: `error`, or `message` of a state with ok: false. */
function failureMessage(result: unknown): string | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const r = result as { error?: unknown; ok?: unknown; message?: unknown };
  if (typeof r.error === "string") return r.error;
  if (r.ok === false && typeof r.message === "string") return r.message;
  return undefined;
}
