import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { endSessions } from "@/test/end-sessions";
import { createUser } from "@/test/factories";
import { runDomainEvents } from "@/test/run-domain-events";

import { authenticate } from "./authenticate";
import { changePassword } from "./change-password";
import { hashPassword } from "./hash-password";
import { requestEmailChange } from "./request-email-change";
import { verifyEmail } from "./verify-email";

const ip = () => `10.4.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const appUrl = "http://localhost:3000";

async function person(password = "Current-pass-1") {
  return createUser(db(), { passwordHash: await hashPassword(password) });
}

// The security emails are written by the worker from the outbox: run it first, as it would have.
const mails = async (to: string, template: string) => {
  await runDomainEvents();
  return db().notification.findMany({ where: { toAddress: to, template } });
};

describe("changing the password", () => {
  it("needs the current password, refuses a weak new one, then changes it and says so by email", async () => {
    const user = await person();
    await expect(
      changePassword(
        user.id,
        { currentPassword: "Wrong-pass-1", newPassword: "Brand-new-pass-2" },
        { appUrl, endSessions },
      ),
    ).rejects.toMatchObject({ status: 400, details: { fields: { currentPassword: expect.any(String) } } });
    await expect(
      changePassword(user.id, { currentPassword: "Current-pass-1", newPassword: "short" }, { appUrl, endSessions }),
    ).rejects.toMatchObject({ status: 400, details: { fields: { newPassword: expect.any(String) } } });
    await expect(
      changePassword(
        user.id,
        { currentPassword: "Current-pass-1", newPassword: "Current-pass-1" },
        { appUrl, endSessions },
      ),
    ).rejects.toMatchObject({ status: 400 });
    expect(await authenticate({ email: user.email, password: "Current-pass-1", ip: ip() })).not.toBeNull();

    await changePassword(
      user.id,
      { currentPassword: "Current-pass-1", newPassword: "Brand-new-pass-2" },
      { appUrl, endSessions },
    );
    expect(await authenticate({ email: user.email, password: "Brand-new-pass-2", ip: ip() })).not.toBeNull();
    expect(await authenticate({ email: user.email, password: "Current-pass-1", ip: ip() })).toBeNull();
    expect(await mails(user.email, "password-changed")).toHaveLength(1);
  });

  it("limits password guesses through re-authentication per account", async () => {
    const user = await person();
    for (let i = 0; i < 10; i++)
      await expect(
        changePassword(
          user.id,
          { currentPassword: `Guess-${i}-aaaa`, newPassword: "Brand-new-pass-2" },
          { appUrl, endSessions },
        ),
      ).rejects.toMatchObject({ status: 400 });
    await expect(
      changePassword(
        user.id,
        { currentPassword: "Current-pass-1", newPassword: "Brand-new-pass-2" },
        { appUrl, endSessions },
      ),
    ).rejects.toMatchObject({ status: 429 });
  });
});

describe("changing the email address", () => {
  const linkTo = async (to: string) => {
    const [mail] = await mails(to, "email-change-confirm");
    expect(mail).toBeDefined();
    return /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.body)![1];
  };

  it("takes effect only once the new address confirms it; the old address is told before and after", async () => {
    const user = await person();
    const newEmail = `new-${randomBytes(4).toString("hex")}@example.test`;
    await expect(
      requestEmailChange(user.id, { currentPassword: "Wrong-pass-1", email: newEmail }, { appUrl }),
    ).rejects.toMatchObject({ status: 400 });
    expect(
      await requestEmailChange(
        user.id,
        { currentPassword: "Current-pass-1", email: newEmail.toUpperCase() },
        { appUrl },
      ),
    ).toEqual({ pendingEmail: newEmail });
    // Not yet: the account signs in with the old address.
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await mails(user.email, "email-change-requested")).toHaveLength(1);

    const token = await linkTo(newEmail);
    expect(await verifyEmail({ token }, { ip: ip(), appUrl, endSessions })).toEqual({
      userId: user.id,
      email: newEmail,
      changed: true,
    });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerified).not.toBeNull();
    const [done] = await mails(user.email, "email-changed");
    expect(done.body).toContain(newEmail);
    expect(await authenticate({ email: newEmail, password: "Current-pass-1", ip: ip() })).toMatchObject({
      id: user.id,
    });
    expect(await authenticate({ email: user.email, password: "Current-pass-1", ip: ip() })).toBeNull();
    await expect(verifyEmail({ token }, { ip: ip(), appUrl, endSessions })).rejects.toMatchObject({ status: 400 });
  });

  it("gives an address another account has the same answer, and emails it nothing", async () => {
    const user = await person();
    const other = await person();
    expect(
      await requestEmailChange(user.id, { currentPassword: "Current-pass-1", email: other.email }, { appUrl }),
    ).toEqual({ pendingEmail: other.email });
    expect(await db().notification.count({ where: { toAddress: other.email } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("refuses the confirmation if another account took the address meanwhile", async () => {
    const user = await person();
    const newEmail = `race-${randomBytes(4).toString("hex")}@example.test`;
    await requestEmailChange(user.id, { currentPassword: "Current-pass-1", email: newEmail }, { appUrl });
    const token = await linkTo(newEmail);
    await createUser(db(), { email: newEmail });
    await expect(verifyEmail({ token }, { ip: ip(), appUrl, endSessions })).rejects.toMatchObject({ status: 409 });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });
});
