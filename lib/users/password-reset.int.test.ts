import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { endSessions } from "@/test/end-sessions";
import { createUser } from "@/test/factories";
import { runDomainEvents } from "@/test/run-domain-events";

import { authenticate } from "./authenticate";
import { hashAccountToken } from "./hash-account-token";
import { hashPassword } from "./hash-password";
import { PASSWORD_RESET_SENT, requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";

// A fresh address per call, never repeated in a run: a per-IP limit test must start from zero
// (random octets once collided with an earlier test's address in CI, 2026-12-03).
const ipPrefix = randomBytes(2).toString("hex");
let ipCount = 0;
const ip = () => `fd00:${ipPrefix}::${(++ipCount).toString(16)}`;
const appUrl = "http://localhost:3000";

async function userWithPassword(password = "Old-password-1") {
  return createUser(db(), { passwordHash: await hashPassword(password) });
}

/** The token in the newest reset email to `to`, read from the mailbox as the person would. */
async function tokenFromMailbox(to: string): Promise<string> {
  const mail = await db().notification.findFirstOrThrow({
    where: { toAddress: to, template: "password-reset" },
    orderBy: { createdAt: "desc" },
  });
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body);
  expect(match, mail.body).not.toBeNull();
  return match![1];
}

describe("password reset by emailed link", () => {
  it("emails a link that sets a new password once; the old password stops working", async () => {
    const user = await userWithPassword();
    expect(await requestPasswordReset({ email: user.email.toUpperCase() }, { ip: ip(), appUrl })).toEqual({
      message: PASSWORD_RESET_SENT,
    });
    const token = await tokenFromMailbox(user.email);
    expect(await resetPassword({ token, password: "New-password-2" }, { ip: ip(), appUrl, endSessions })).toEqual({
      userId: user.id,
      email: user.email,
    });
    expect(await authenticate({ email: user.email, password: "New-password-2", ip: ip() })).toMatchObject({
      id: user.id,
    });
    expect(await authenticate({ email: user.email, password: "Old-password-1", ip: ip() })).toBeNull();
    // The link proved the address; the person is told their password changed.
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
    await runDomainEvents(); // the emails are written by the worker from the outbox
    expect(await db().notification.count({ where: { toAddress: user.email, template: "password-changed" } })).toBe(1);

    // Single use: the same link again is refused and changes nothing.
    await expect(
      resetPassword({ token, password: "Third-password-3" }, { ip: ip(), appUrl, endSessions }),
    ).rejects.toMatchObject({
      status: 400,
      details: { fields: { token: "invalid" } },
    });
    expect(await authenticate({ email: user.email, password: "New-password-2", ip: ip() })).not.toBeNull();
  });

  it("stores only the SHA-256 of the token, never the token", async () => {
    const user = await userWithPassword();
    await requestPasswordReset({ email: user.email }, { ip: ip(), appUrl });
    const token = await tokenFromMailbox(user.email);
    const rows = await db().accountToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashAccountToken(token));
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const raw = await db().$queryRaw<{ hit: bigint }[]>`
      SELECT count(*) AS hit FROM account_tokens t WHERE to_jsonb(t)::text LIKE ${"%" + token + "%"}`;
    expect(Number(raw[0].hit)).toBe(0);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("refuses an expired link, and only the newest link works", async () => {
    const user = await userWithPassword();
    await requestPasswordReset({ email: user.email }, { ip: ip(), appUrl });
    const first = await tokenFromMailbox(user.email);
    await requestPasswordReset({ email: user.email }, { ip: ip(), appUrl });
    const second = await tokenFromMailbox(user.email);
    expect(second).not.toBe(first);
    await expect(
      resetPassword({ token: first, password: "New-password-2" }, { ip: ip(), appUrl, endSessions }),
    ).rejects.toMatchObject({ status: 400 });
    // 30 minutes later the newest link is dead too.
    const row = await db().accountToken.findUniqueOrThrow({ where: { tokenHash: hashAccountToken(second) } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 60_000);
    await db().accountToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      resetPassword({ token: second, password: "New-password-2" }, { ip: ip(), appUrl, endSessions }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await authenticate({ email: user.email, password: "Old-password-1", ip: ip() })).not.toBeNull();
  });

  it("refuses a weak password without using up the link", async () => {
    const user = await userWithPassword();
    await requestPasswordReset({ email: user.email }, { ip: ip(), appUrl });
    const token = await tokenFromMailbox(user.email);
    await expect(resetPassword({ token, password: "short" }, { ip: ip(), appUrl, endSessions })).rejects.toMatchObject({
      status: 400,
      details: { fields: { password: expect.any(String) } },
    });
    await resetPassword({ token, password: "Better-password-9" }, { ip: ip(), appUrl, endSessions });
    expect(await authenticate({ email: user.email, password: "Better-password-9", ip: ip() })).not.toBeNull();
  });

  it("answers an unknown address exactly like a known one, with the lookup after the answer", async () => {
    const user = await userWithPassword();
    const deferred: (() => Promise<void>)[] = [];
    const defer = (work: () => Promise<void>) => void deferred.push(work);
    const before = await db().notification.count();
    const known = await requestPasswordReset({ email: user.email }, { ip: ip(), appUrl, defer });
    const unknown = await requestPasswordReset(
      { email: `nobody-${user.id}@example.test` },
      { ip: ip(), appUrl, defer },
    );
    expect(unknown).toEqual(known);
    // Nothing that depends on the address ran before the answer: no token, no email yet.
    expect(deferred).toHaveLength(2);
    expect(await db().notification.count()).toBe(before);
    expect(await db().accountToken.count({ where: { userId: user.id } })).toBe(0);
    for (const work of deferred) await work();
    expect(await db().notification.count()).toBe(before + 1);
    expect(await db().notification.count({ where: { toAddress: user.email, template: "password-reset" } })).toBe(1);
  });

  it("limits requests per address across IPs, unknown addresses alike", async () => {
    for (const email of [(await userWithPassword()).email, `ghost-${randomBytes(4).toString("hex")}@example.test`]) {
      for (let i = 0; i < 3; i++) await requestPasswordReset({ email }, { ip: ip(), appUrl });
      await expect(requestPasswordReset({ email }, { ip: ip(), appUrl })).rejects.toMatchObject({
        code: "rate_limited",
        status: 429,
      });
    }
  });

  it("limits requests per IP", async () => {
    const from = ip();
    for (let i = 0; i < 10; i++)
      await requestPasswordReset(
        { email: `p${i}-${randomBytes(3).toString("hex")}@example.test` },
        { ip: from, appUrl },
      );
    await expect(requestPasswordReset({ email: "another@example.test" }, { ip: from, appUrl })).rejects.toMatchObject({
      code: "rate_limited",
    });
  });

  it("sends nothing to a suspended account and refuses bad input with a 400", async () => {
    const user = await userWithPassword();
    await db().user.update({ where: { id: user.id }, data: { status: "suspended" } });
    await requestPasswordReset({ email: user.email }, { ip: ip(), appUrl });
    expect(await db().notification.count({ where: { toAddress: user.email } })).toBe(0);
    await expect(requestPasswordReset({ email: "not an email" }, { ip: ip(), appUrl })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      resetPassword({ token: "x".repeat(43), password: "Good-password-1" }, { ip: ip(), appUrl, endSessions }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
