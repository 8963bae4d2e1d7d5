import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import { ZEmail } from "./normalize-email";
import { queueEmailVerification } from "./queue-email-verification";
import { reauthenticate } from "./reauthenticate";

export const ZEmailChange = z
  .object({ currentPassword: z.string().max(1000), email: ZEmail })
  .meta({ id: "EmailChange", title: "Email change" });

/**
 * Starts changing the signed-in person's address, after checking their password: a link goes
 * to the new address, and the account keeps the old one until it is used (verifyEmail). The old
 * address is told at once. An address another account has gets the same answer and no email,
 * so the form can't be used to find out who has an account.
 */
export async function requestEmailChange(
  userId: string,
  raw: z.input<typeof ZEmailChange>,
  opts: { appUrl: string },
): Promise<{ pendingEmail: string }> {
  const { currentPassword, email } = parseInput(ZEmailChange, raw);
  const user = await reauthenticate(userId, currentPassword);
  if (email === user.email)
    throw new AppError("validation_failed", "That is already your address.", {
      fields: { email: "That is already your address." },
    });
  await db().$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
    await emitDomainEvent(tx, "account.email_change_requested", { userId, oldEmail: user.email, newEmail: email });
    if (taken) return;
    await queueEmailVerification(tx, { userId, name: user.name, email, purpose: "email_change", appUrl: opts.appUrl });
  });
  return { pendingEmail: email };
}
