import { randomBytes } from "node:crypto";

import { generate } from "otplib";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";

import { confirmTotpEnrolment } from "./confirm-totp-enrolment";
import { createUserSession } from "./create-user-session";
import { disableTotp } from "./disable-totp";
import { findSessionUser } from "./find-session-user";
import { getTwoFactorStatus } from "./get-two-factor-status";
import { startTotpEnrolment } from "./start-totp-enrolment";
import { verifySecondFactor } from "./verify-second-factor";

const ip = () => `198.51.100.${randomBytes(1)[0]}`;

/** A code for the step after `secret`'s current one, as the app will show 30 seconds from now (accepted: one step of drift). */
const nextStepCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

async function enrolled() {
  const user = await createUser(db());
  const { secret } = await startTotpEnrolment({ userId: user.id, email: user.email });
  const { recoveryCodes } = await confirmTotpEnrolment({ userId: user.id, code: await generate({ secret }) });
  return { user, secret, recoveryCodes };
}

describe("TOTP two-factor", () => {
  it("enrolment keeps the secret sealed, needs a right code, and gives ten recovery codes stored hashed", async () => {
    const user = await createUser(db());
    const { secret, uri, qrCodeDataUrl } = await startTotpEnrolment({ userId: user.id, email: user.email });
    expect(uri).toContain(`secret=${secret}`);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const row = await db().twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretSealed).not.toContain(secret);
    expect(row.enabledAt).toBeNull();
    expect((await getTwoFactorStatus({ userId: user.id })).enabledAt).toBeNull();
    // Not on yet, so a sign-in is not asked for a code.
    expect(await verifySecondFactor({ userId: user.id, code: "000000", ip: ip() })).toBe("not_enrolled");

    await expect(confirmTotpEnrolment({ userId: user.id, code: "000000" })).rejects.toMatchObject({ status: 400 });
    const { recoveryCodes } = await confirmTotpEnrolment({ userId: user.id, code: await generate({ secret }) });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db().recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const c of recoveryCodes) expect(stored.map((s) => s.codeHash)).not.toContain(c);
    expect(await getTwoFactorStatus({ userId: user.id })).toMatchObject({
      enabledAt: expect.any(Date),
      recoveryCodesLeft: 10,
    });
    // Once on, starting again is refused rather than replacing the secret.
    await expect(startTotpEnrolment({ userId: user.id, email: user.email })).rejects.toMatchObject({ status: 409 });
  });

  it("a code signs in once: the same code again is refused, the next step's is accepted", async () => {
    const { user, secret } = await enrolled();
    // The enrolment used this step's code already.
    expect(await verifySecondFactor({ userId: user.id, code: await generate({ secret }), ip: ip() })).toBe("refused");
    const next = await nextStepCode(secret);
    expect(await verifySecondFactor({ userId: user.id, code: next, ip: ip() })).toBe("accepted");
    expect(await verifySecondFactor({ userId: user.id, code: next, ip: ip() })).toBe("refused");
  });

  it("a recovery code works once, typed any way, and is then spent", async () => {
    const { user, recoveryCodes } = await enrolled();
    const [first] = recoveryCodes;
    expect(await verifySecondFactor({ userId: user.id, code: first.toUpperCase().replace("-", " "), ip: ip() })).toBe(
      "accepted",
    );
    expect(await verifySecondFactor({ userId: user.id, code: first, ip: ip() })).toBe("refused");
    expect((await getTwoFactorStatus({ userId: user.id })).recoveryCodesLeft).toBe(9);
    // Another account's code is not this one's.
    const other = await enrolled();
    expect(await verifySecondFactor({ userId: user.id, code: other.recoveryCodes[0], ip: ip() })).toBe("refused");
  });

  it("guesses are limited per account, whatever the address, and then even a right code waits", async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 5; i++)
      expect(await verifySecondFactor({ userId: user.id, code: "000000", ip: ip() })).toBe("refused");
    const right = await nextStepCode(secret);
    await expect(verifySecondFactor({ userId: user.id, code: right, ip: ip() })).rejects.toMatchObject({
      status: 429,
      code: "rate_limited",
    });
  });

  it("guesses are limited per address across accounts", async () => {
    const from = `203.0.113.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;
    const accounts = await Promise.all(Array.from({ length: 7 }, () => enrolled()));
    let refused = 0;
    let limited = 0;
    for (const a of accounts)
      for (let i = 0; i < 5; i++) {
        try {
          await verifySecondFactor({ userId: a.user.id, code: "000000", ip: from });
          refused++;
        } catch (err) {
          expect(err).toMatchObject({ status: 429 });
          limited++;
        }
      }
    expect(refused).toBe(30);
    expect(limited).toBe(5);
  });

  it("turning it off needs a right code; then sign-in asks for none", async () => {
    const { user, secret } = await enrolled();
    await expect(disableTotp({ userId: user.id, code: "000000", ip: ip() })).rejects.toMatchObject({ status: 400 });
    expect((await getTwoFactorStatus({ userId: user.id })).enabledAt).not.toBeNull();
    await disableTotp({ userId: user.id, code: await nextStepCode(secret), ip: ip() });
    expect(await getTwoFactorStatus({ userId: user.id })).toEqual({ enabledAt: null, recoveryCodesLeft: 0 });
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await verifySecondFactor({ userId: user.id, code: "000000", ip: ip() })).toBe("not_enrolled");
  });

  it("the session check says whether the person has two-factor on", async () => {
    const { user } = await enrolled();
    const sid = await createUserSession({ userId: user.id, method: "credentials", userAgent: null, ip: null });
    expect(await findSessionUser({ userId: user.id, sessionId: sid })).toMatchObject({ twoFactorEnabled: true });
    const plain = await createUser(db());
    const sid2 = await createUserSession({ userId: plain.id, method: "credentials", userAgent: null, ip: null });
    expect(await findSessionUser({ userId: plain.id, sessionId: sid2 })).toMatchObject({ twoFactorEnabled: false });
  });
});
