import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";

import { createApiRoute } from "./api-route";

const buyer: CurrentUser = {
  id: "u-buyer",
  email: "b@example.test",
  name: "B",
  role: "buyer",
  sellerId: null,
  shopName: null,
  sessionId: "s-buyer",
  twoFactorEnabled: false,
};

// These cases test no rate limit (rateLimit: false overrides the write default);
// lib/http/api-route-rate-limit.int.test.ts covers limits with the real store.
function routeFor(user: CurrentUser | null) {
  const apiRoute = createApiRoute({
    currentUser: async () => user,
    rateLimitStore: () => {
      throw new Error("no rate limit in these cases");
    },
  });
  return ((config, handler) => apiRoute({ rateLimit: false, ...config }, handler)) as typeof apiRoute;
}

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

function post(body: unknown, headers: Record<string, string> = {}) {
  return new NextRequest("http://shop.test/api/v1/things", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

const ZThing = z.object({ name: z.string().min(2, "Name it.") }).meta({ title: "Thing" });

describe("apiRoute", () => {
  it("a public route runs signed out with user null; others answer 401 without a session", async () => {
    const seen: unknown[] = [];
    const open = routeFor(null)({ access: "public" }, async ({ user }) => {
      seen.push(user);
      return { ok: true };
    });
    const closed = routeFor(null)({ access: "user" }, async () => ({ ok: true }));
    expect((await open(post({}), ctx())).status).toBe(200);
    expect(seen).toEqual([null]);
    const res = await closed(post({}), ctx());
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
  });

  it("a role route refuses another role with 403 and hands the signed-in user to the handler", async () => {
    const sellerOnly = routeFor(buyer)({ access: "seller" }, async () => ({ ok: true }));
    const res = await sellerOnly(post({}), ctx());
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe("This needs a seller account.");
    const mine = routeFor(buyer)({ access: "user" }, async ({ user }) => ({ id: user.id }));
    expect(await (await mine(post({}), ctx())).json()).toEqual({ id: "u-buyer" });
  });

  it("parses params, query and body with their schemas; a bad body is a 400 named by the schema's title, with fields", async () => {
    const route = routeFor(buyer)(
      {
        access: "user",
        params: z.object({ thingId: z.uuid("Thing not found.") }),
        query: z.object({ page: z.coerce.number().int().default(1) }),
        body: ZThing,
      },
      async ({ params, query, body }) => ({ params, query, body }),
    );
    const id = "0b7e8c52-2c8e-4d7a-9a43-6f1f3f2b9c10";
    const ok = await route(
      new NextRequest("http://shop.test/api/v1/things?page=3", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Lamp" }),
      }),
      ctx({ thingId: id }),
    );
    expect(await ok.json()).toEqual({ params: { thingId: id }, query: { page: 3 }, body: { name: "Lamp" } });

    const bad = await route(post({ name: "x" }), ctx({ thingId: id }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { code: "validation_failed", message: "Thing is invalid: name: Name it.", fields: { name: "Name it." } },
    });
    const badParam = await route(post({ name: "Lamp" }), ctx({ thingId: "nope" }));
    expect((await badParam.json()).error.message).toBe("URL is invalid: thingId: Thing not found.");
  });

  it("idempotencyKey: a missing header gets the route's message, a malformed one a 400, a good one reaches the handler", async () => {
    const route = routeFor(buyer)(
      {
        access: "user",
        idempotencyKey: { missing: "Send an Idempotency-Key header so a retried checkout is never placed twice." },
      },
      async ({ idempotencyKey }) => ({ key: idempotencyKey }),
    );
    const missing = await route(post({}), ctx());
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toEqual({
      code: "bad_request",
      message: "Send an Idempotency-Key header so a retried checkout is never placed twice.",
    });
    const short = await route(post({}, { "idempotency-key": "short" }), ctx());
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toBe("Send an Idempotency-Key header of 8 to 255 visible characters.");
    const good = await route(post({}, { "idempotency-key": "key-0123456789" }), ctx());
    expect(await good.json()).toEqual({ key: "key-0123456789" });
  });

  it("an AppError keeps its status; anything else is a 500 with no details", async () => {
    const conflict = routeFor(buyer)({ access: "user" }, async () => {
      throw new AppError("conflict", "Already done.");
    });
    expect((await conflict(post({}), ctx())).status).toBe(409);
    const boom = routeFor(buyer)({ access: "user" }, async () => {
      throw new Error("SELECT * FROM secrets");
    });
    const res = await boom(post({}), ctx());
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secrets");
  });

  it("keeps its config on the handler for the OpenAPI document", () => {
    const route = routeFor(null)(
      { access: "public", body: ZThing, summary: "Make a thing", status: 201 },
      async () => ({}),
    );
    expect(route.spec).toMatchObject({ access: "public", body: ZThing, summary: "Make a thing", status: 201 });
  });
});
