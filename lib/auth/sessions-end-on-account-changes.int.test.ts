// The routes that change what signs a person in end the sessions that should not outlive the
// change, called as a browser calls them: real handlers, real session cookies, then the next
// request with each old cookie.
import { randomBytes } from "node:crypto";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import * as mePassword from "@/app/api/v1/me/password/route";
import * as me from "@/app/api/v1/me/route";
import * as emailVerification from "@/app/api/v1/users/email-verification/route";
import * as resetComplete from "@/app/api/v1/users/password-reset/complete/route";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/users/hash-password";
import { requestEmailChange } from "@/lib/users/request-email-change";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { setAccountSuspension } from "@/lib/users/set-account-suspension";
import { inRequestScope, requestHeaders, sessionCookie } from "@/test/as-request";
import { endSessions } from "@/test/end-sessions";
import { createUser } from "@/test/factories";

const ORIGIN = "http://localhost:3000";
const PASSWORD = "Session-pass-1";
// Each call from its own address, so the per-IP link limit never carries over between tests.
const ipPrefix = randomBytes(2).toString("hex");
let ipCount = 0;
const socket = () => `fd01:${ipPrefix}::${(++ipCount).toString(16)}`;

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, method: string, path: string, opts: { cookie?: string; body?: unknown } = {}) {
  const url = new URL(path, ORIGIN);
  const headers = requestHeaders({
    cookie: opts.cookie,
    socket: socket(),
    extra: { "content-type": "application/json" },
  });
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const res = await inRequestScope(url.toString(), headers, () =>
    handler(new NextRequest(url, { method, headers, body }), { params: Promise.resolve({}) }),
  );
  return { status: res.status, payload: (await res.json()) as { error?: { code: string } } };
}

/** What GET /api/v1/me answers to this cookie: 200 while its session lives, 401 once it ended. */
const meStatus = async (cookie: string) => (await call(me.GET as Handler, "GET", "/api/v1/me", { cookie })).status;

async function personSignedInTwice() {
  const user = await createUser(db(), { passwordHash: await hashPassword(PASSWORD) });
  const here = await sessionCookie(user);
  const elsewhere = await sessionCookie(user);
  expect([await meStatus(here), await meStatus(elsewhere)]).toEqual([200, 200]);
  return { user, here, elsewhere };
}

async function linkToken(to: string, template: string, path: string) {
  const mail = await db().notification.findFirstOrThrow({
    where: { toAddress: to, template },
    orderBy: { createdAt: "desc" },
  });
  return new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.body)![1];
}

describe("sessions end with the account change that should end them", () => {
  it("a password reset by emailed link refuses every old cookie of the account, and no one else's", async () => {
    const { user, here, elsewhere } = await personSignedInTwice();
    const other = await createUser(db());
    const othersCookie = await sessionCookie(other);
    await requestPasswordReset({ email: user.email }, { ip: socket(), appUrl: ORIGIN });
    const token = await linkToken(user.email, "password-reset", "reset-password");

    expect(
      await call(resetComplete.POST as Handler, "POST", "/api/v1/users/password-reset/complete", {
        body: { token, password: "Brand-new-pass-2" },
      }),
    ).toMatchObject({ status: 200 });
    expect([await meStatus(here), await meStatus(elsewhere)]).toEqual([401, 401]);
    expect(await meStatus(othersCookie)).toBe(200);
  });

  it("a refused reset (weak password) ends nothing", async () => {
    const { user, here } = await personSignedInTwice();
    await requestPasswordReset({ email: user.email }, { ip: socket(), appUrl: ORIGIN });
    const token = await linkToken(user.email, "password-reset", "reset-password");
    expect(
      await call(resetComplete.POST as Handler, "POST", "/api/v1/users/password-reset/complete", {
        body: { token, password: "short" },
      }),
    ).toMatchObject({ status: 400 });
    expect(await meStatus(here)).toBe(200);
  });

  it("a password change keeps the session that made it and ends every other", async () => {
    const { here, elsewhere } = await personSignedInTwice();
    // The wrong current password changes nothing and ends nothing.
    expect(
      await call(mePassword.PUT as Handler, "PUT", "/api/v1/me/password", {
        cookie: here,
        body: { currentPassword: "Wrong-pass-9", newPassword: "Brand-new-pass-2" },
      }),
    ).toMatchObject({ status: 400 });
    expect(await meStatus(elsewhere)).toBe(200);

    expect(
      await call(mePassword.PUT as Handler, "PUT", "/api/v1/me/password", {
        cookie: here,
        body: { currentPassword: PASSWORD, newPassword: "Brand-new-pass-2" },
      }),
    ).toMatchObject({ status: 200 });
    expect([await meStatus(here), await meStatus(elsewhere)]).toEqual([200, 401]);
  });

  it("confirming an email change keeps the confirming session when it is the account's own, else ends them all", async () => {
    const { user, here, elsewhere } = await personSignedInTwice();
    const newEmail = `moved-${randomBytes(4).toString("hex")}@example.test`;
    await requestEmailChange(user.id, { currentPassword: PASSWORD, email: newEmail }, { appUrl: ORIGIN });
    const token = await linkToken(newEmail, "email-change-confirm", "verify-email");
    expect(
      await call(emailVerification.POST as Handler, "POST", "/api/v1/users/email-verification", {
        cookie: here,
        body: { token },
      }),
    ).toMatchObject({ status: 200 });
    expect([await meStatus(here), await meStatus(elsewhere)]).toEqual([200, 401]);

    // Confirmed from a signed-out browser (the link opened on another device): nothing is kept.
    const again = `again-${randomBytes(4).toString("hex")}@example.test`;
    await requestEmailChange(user.id, { currentPassword: PASSWORD, email: again }, { appUrl: ORIGIN });
    const second = await linkToken(again, "email-change-confirm", "verify-email");
    expect(
      await call(emailVerification.POST as Handler, "POST", "/api/v1/users/email-verification", {
        body: { token: second },
      }),
    ).toMatchObject({ status: 200 });
    expect(await meStatus(here)).toBe(401);
  });

  it("deleting the account ends its sessions and removes their rows", async () => {
    const { user, here, elsewhere } = await personSignedInTwice();
    expect(
      await call(me.DELETE as Handler, "DELETE", "/api/v1/me", {
        cookie: here,
        body: { currentPassword: PASSWORD, confirm: "DELETE" },
      }),
    ).toMatchObject({ status: 200 });
    expect([await meStatus(here), await meStatus(elsewhere)]).toEqual([401, 401]);
    expect(await db().userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a suspension ends every session, so reinstating the account does not bring an old cookie back", async () => {
    const { user, here } = await personSignedInTwice();
    const admin = await createUser(db(), { role: "admin" });
    await setAccountSuspension({
      userId: user.id,
      adminId: admin.id,
      suspend: true,
      reason: "Chargeback ring",
      endSessions,
    });
    expect(await meStatus(here)).toBe(401);
    await setAccountSuspension({ userId: user.id, adminId: admin.id, suspend: false, endSessions });
    expect(await meStatus(here)).toBe(401);
    expect(await meStatus(await sessionCookie(user))).toBe(200);
  });
});
