import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";

import { authenticate } from "./authenticate";
import { hashPassword } from "./hash-password";

const ip = () => `10.1.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

describe("authenticate (sign-in)", () => {
  it("accepts the right password, case-insensitive email", async () => {
    const user = await createUser(db(), { passwordHash: await hashPassword("Right-password-1") });
    const ok = await authenticate({ email: user.email.toUpperCase(), password: "Right-password-1", ip: ip() });
    expect(ok).toEqual({ id: user.id, email: user.email, name: user.name, role: "buyer" });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const user = await createUser(db(), { passwordHash: await hashPassword("Right-password-1") });
    expect(await authenticate({ email: user.email, password: "Wrong-password-1", ip: ip() })).toBeNull();
    expect(await authenticate({ email: "nobody@example.test", password: "Wrong-password-1", ip: ip() })).toBeNull();
    expect(await authenticate({ email: user.email, password: "x".repeat(10_000), ip: ip() })).toBeNull();
  });

  it("refuses a suspended account", async () => {
    const user = await createUser(db(), { passwordHash: await hashPassword("Right-password-1") });
    await db().user.update({ where: { id: user.id }, data: { status: "suspended" } });
    await expect(authenticate({ email: user.email, password: "Right-password-1", ip: ip() })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("rate-limits guesses per email across IPs, then refuses even the right password", async () => {
    const user = await createUser(db(), { passwordHash: await hashPassword("Right-password-1") });
    for (let i = 0; i < 10; i++)
      expect(await authenticate({ email: user.email, password: `Guess-${i}-aaaa`, ip: ip() })).toBeNull();
    await expect(authenticate({ email: user.email, password: "Right-password-1", ip: ip() })).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
    });
  });
});
