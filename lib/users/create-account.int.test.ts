import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";

import { createAccount } from "./create-account";
import { verifyPassword } from "./verify-password";

const ip = () => `10.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const opts = () => ({ ip: ip(), appUrl: "http://localhost:3000" });
const email = () => `Buyer-${randomBytes(4).toString("hex")}@Example.test`;

async function jobsFor(notificationId: string) {
  return db().$queryRaw<
    { name: string }[]
  >`SELECT name FROM pgboss.job WHERE data->>'notificationId' = ${notificationId}`;
}

describe("createAccount (sign-up)", () => {
  it("creates a buyer with a bcrypt hash and queues the welcome email in the same transaction", async () => {
    const e = email();
    const user = await createAccount({ email: e, password: "Good-password-1", name: "Ada" }, opts());
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(e.toLowerCase());
    expect(row.role).toBe("buyer");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await verifyPassword("Good-password-1", row.passwordHash!)).toBe(true);
    const mail = await db().notification.findFirstOrThrow({ where: { userId: user.id, template: "welcome" } });
    expect(mail).toMatchObject({
      template: "welcome",
      toAddress: e.toLowerCase(),
      status: "queued",
      subject: "Welcome to the marketplace",
    });
    expect(await jobsFor(mail.id)).toEqual([{ name: "send-notification" }]);
  });

  it("refuses a taken email (any case) with 409 and writes nothing", async () => {
    const e = email();
    await createAccount({ email: e, password: "Good-password-1", name: "First" }, opts());
    const before = await db().notification.count();
    await expect(
      createAccount({ email: e.toUpperCase(), password: "Good-password-2", name: "Second" }, opts()),
    ).rejects.toMatchObject({
      code: "conflict",
      status: 409,
      message: "An account with this email already exists. Sign in instead.",
    });
    expect(await db().user.count({ where: { email: e.toLowerCase() } })).toBe(1);
    expect(await db().notification.count()).toBe(before);
  });

  it.each([
    ["a 10 KB password", { password: "x".repeat(10_240) }, /at most 72 bytes/],
    ["a weak password", { password: "password" }, /at least 10 characters/],
    ["a password of one kind of character", { password: "abcdefghijkl" }, /mix at least two/],
    ["a malformed email", { email: "not-an-email" }, /valid email/],
    ["a missing name", { name: "" }, /Enter your name/],
  ])("refuses %s with a clear message and stores nothing", async (_label, override, message) => {
    const input = { email: email(), password: "Good-password-1", name: "Ada", ...override };
    const before = await db().user.count();
    await expect(createAccount(input, opts())).rejects.toMatchObject({ status: 400, message });
    expect(await db().user.count()).toBe(before);
  });

  it("rate-limits sign-ups per IP", async () => {
    const sameIp = { ip: ip(), appUrl: "http://localhost:3000" };
    for (let i = 0; i < 10; i++)
      await createAccount({ email: email(), password: "Good-password-1", name: "A" }, sameIp);
    await expect(
      createAccount({ email: email(), password: "Good-password-1", name: "A" }, sameIp),
    ).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  });
});
