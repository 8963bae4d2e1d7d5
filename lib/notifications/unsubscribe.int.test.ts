// One-click unsubscribe end to end: the email a person gets carries a signed link (and the same
// URL as List-Unsubscribe); opening it changes nothing; the provider's POST turns off exactly
// that group's email; a bad, tampered or transactional token is a 400 that writes nothing.
import { randomBytes } from "node:crypto";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import * as unsubscribeRoute from "@/app/api/v1/unsubscribe/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startConversation } from "@/lib/messages/start-conversation";
import { inRequestScope, requestHeaders } from "@/test/as-request";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { runDomainEvents } from "@/test/run-domain-events";

import { listNotificationPreferences } from "./set-notification-preferences";
import { readUnsubscribeToken } from "./unsubscribe-by-token";
import { signUnsubscribeToken } from "./unsubscribe-token";

const ipPrefix = randomBytes(2).toString("hex");
let ipCount = 0;

async function call(
  method: "GET" | "POST",
  token: string,
  opts: { body?: string; headers?: Record<string, string> } = {},
) {
  const url = new URL(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`, env().APP_URL);
  const headers = requestHeaders({ socket: `fd02:${ipPrefix}::${(++ipCount).toString(16)}`, extra: opts.headers });
  const handler = method === "GET" ? unsubscribeRoute.GET : unsubscribeRoute.POST;
  const res = await inRequestScope(url.toString(), headers, () =>
    handler(new NextRequest(url, { method, headers, body: opts.body }), { params: Promise.resolve({}) }),
  );
  const text = await res.text();
  return { status: res.status, location: res.headers.get("location"), payload: text ? JSON.parse(text) : null };
}

const ONE_CLICK = {
  body: "List-Unsubscribe=One-Click",
  // A mail provider's request: another site, no session, no CSRF token.
  headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.provider.example" },
};

async function sellerWithMessageEmail() {
  const categoryId = (await createCategory(db())).id;
  const { seller, user } = await createSeller(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId });
  const buyer = await createUser(db());
  await startConversation({
    buyerId: buyer.id,
    topic: { kind: "product", productId: product.id },
    message: { body: "Is it <b>real</b> silver?" },
  });
  await runDomainEvents();
  const email = await db().notification.findFirstOrThrow({
    where: { userId: user.id, channel: "email", template: "message-received" },
  });
  return { user, buyer, product, email };
}

const prefRows = (userId: string) =>
  db().notificationPreference.findMany({ where: { userId }, select: { group: true, channel: true, enabled: true } });

describe("one-click unsubscribe", () => {
  it("a message email's link turns off message email only, after a GET that changes nothing", async () => {
    const { user, buyer, product, email } = await sellerWithMessageEmail();
    expect(email.html).toContain("Is it &lt;b&gt;real&lt;/b&gt; silver?");
    expect(email.unsubscribeUrl).toMatch(/^http:\/\/localhost:3000\/api\/v1\/unsubscribe\?token=[\w-]+\.[\w-]+$/);
    expect(email.body).toContain(`Unsubscribe from these emails: ${email.unsubscribeUrl}`);
    expect(email.html).toContain(`href="${email.unsubscribeUrl}"`);
    const token = new URL(email.unsubscribeUrl!).searchParams.get("token")!;

    const opened = await call("GET", token);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`${env().APP_URL}/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await prefRows(user.id)).toEqual([]);
    expect((await readUnsubscribeToken(token)).enabled).toBe(true);

    const posted = await call("POST", token, ONE_CLICK);
    expect(posted).toMatchObject({ status: 200, payload: { unsubscribed: { group: "messages", channel: "email" } } });
    expect(await prefRows(user.id)).toEqual([{ group: "messages", channel: "email", enabled: false }]);
    const prefs = await listNotificationPreferences(user.id);
    // Off: message email, and order texts, which are off until ticked (SMS is opt-in).
    expect(prefs.filter((p) => !p.enabled).map((p) => `${p.group}:${p.channel}`)).toEqual([
      "orders:sms",
      "messages:email",
    ]);
    // Again: still off, nothing else written.
    expect((await call("POST", token, ONE_CLICK)).status).toBe(200);
    expect(await prefRows(user.id)).toHaveLength(1);

    // The next message reaches the bell, not the inbox.
    await startConversation({
      buyerId: buyer.id,
      topic: { kind: "product", productId: product.id },
      message: { body: "Hello again" },
    });
    await runDomainEvents();
    expect(
      await db().notification.count({ where: { userId: user.id, channel: "email", template: "message-received" } }),
    ).toBe(1);
    expect(
      await db().notification.count({ where: { userId: user.id, channel: "in_app", template: "message-received" } }),
    ).toBe(2);
  });

  it("the confirmation page's form is sent back to the page, which then says it is done", async () => {
    const { user, email } = await sellerWithMessageEmail();
    const token = new URL(email.unsubscribeUrl!).searchParams.get("token")!;
    const res = await call("POST", token, {
      body: "source=page",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: env().APP_URL },
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${env().APP_URL}/unsubscribe?token=${encodeURIComponent(token)}&done=1`);
    expect(await prefRows(user.id)).toEqual([{ group: "messages", channel: "email", enabled: false }]);
    expect((await readUnsubscribeToken(token)).enabled).toBe(false);
  });

  it("a tampered, foreign-secret, expired or transactional token is a 400 and writes nothing", async () => {
    const user = await createUser(db());
    const secret = env().UNSUBSCRIBE_SECRET;
    const good = signUnsubscribeToken({ userId: user.id, group: "messages", channel: "email" }, { secret });
    const [payload, sig] = good.split(".");
    const other = await createUser(db());
    const swapped = Buffer.from(Buffer.from(payload, "base64url").toString().replace(user.id, other.id)).toString(
      "base64url",
    );
    const bad = [
      `${swapped}.${sig}`,
      signUnsubscribeToken({ userId: user.id, group: "messages", channel: "email" }, { secret: "x".repeat(40) }),
      signUnsubscribeToken(
        { userId: user.id, group: "messages", channel: "email" },
        { secret, now: new Date("2025-01-01T00:00:00Z"), days: 30 },
      ),
      "not-a-token",
    ];
    for (const token of bad) {
      for (const method of ["POST", "GET"] as const) {
        const res = await call(method, token, method === "POST" ? ONE_CLICK : {});
        if (method === "GET") continue; // GET only redirects to the page, which reads the token the same way.
        expect(res.status, token).toBe(400);
        expect(res.payload.error.code).toBe("bad_request");
        expect(res.payload.error.message).toMatch(/unsubscribe link|expired/);
      }
      await expect(readUnsubscribeToken(token)).rejects.toThrow(/link/);
    }
    // Signed with the real secret, but for order email, which can't be turned off.
    for (const group of ["orders"] as const) {
      const locked = signUnsubscribeToken({ userId: user.id, group, channel: "email" }, { secret });
      const res = await call("POST", locked, ONE_CLICK);
      expect(res.status).toBe(400);
      expect(res.payload.error.message).toMatch(/can't be turned off/);
    }
    expect(await prefRows(user.id)).toEqual([]);
    expect(await prefRows(other.id)).toEqual([]);
    expect((await call("POST", "", ONE_CLICK)).status).toBe(400);
  });

  it("order emails carry no unsubscribe link", async () => {
    const user = await createUser(db());
    await db().$transaction(async (tx) => {
      const { queueEmail } = await import("@/lib/mail/queue-email");
      const { emailFooterFor } = await import("./email-footer");
      await queueEmail(tx, {
        userId: user.id,
        to: user.email,
        template: "t",
        subject: "Order confirmed",
        body: "Thanks.\n\nFollow your order: http://localhost:3000/orders/x\n",
        footer: emailFooterFor(user.id, "orders"),
      });
    });
    const n = await db().notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(n.unsubscribeUrl).toBeNull();
    expect(n.html).toContain("Follow your order");
    expect(n.body).not.toContain("Unsubscribe");
  });
});
