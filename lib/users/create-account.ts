import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationLocale } from "@/lib/mail/i18n/translate";
import { queueEmail } from "@/lib/mail/queue-email";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { hashPassword } from "./hash-password";
import { ZEmail } from "./normalize-email";
import { PASSWORD_MAX_BYTES, passwordProblem } from "./password-problem";
import { queueEmailVerification } from "./queue-email-verification";
import { welcomeEmail } from "./welcome-email";

export const ZSignUp = z
  .object({
    email: ZEmail,
    // Checked for length before anything else, so a huge password costs nothing to refuse.
    password: z.string().max(1000, `Password must be at most ${PASSWORD_MAX_BYTES} bytes long.`),
    name: z.string().trim().min(1, "Enter your name.").max(100, "Name must be at most 100 characters."),
  })
  .meta({ id: "SignUp", title: "Sign-up" });
export type TSignUp = z.input<typeof ZSignUp>;

/** Creates a buyer account and queues the welcome email and the address confirmation link in the same transaction. */
export async function createAccount(
  raw: z.input<typeof ZSignUp>,
  /** locale: the language of the person's notifications (from Accept-Language; English when absent). */
  opts: { ip: string; appUrl: string; locale?: NotificationLocale },
): Promise<{ id: string; email: string }> {
  const store = getRateLimitStore();
  await enforceRateLimit(store, RATE_LIMITS.signUpPerIp, [opts.ip]);
  const input = parseInput(ZSignUp, raw);
  const { email, password, name } = input;
  await enforceRateLimit(store, RATE_LIMITS.signUpPerEmail, [email]);
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError("validation_failed", problem, { fields: { password: problem } });

  const passwordHash = await hashPassword(password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name, passwordHash, role: "buyer", locale: opts.locale ?? "en" },
        select: { id: true, email: true },
      });
      const mail = welcomeEmail(name, opts.appUrl);
      await queueEmail(tx, {
        userId: user.id,
        to: email,
        template: "welcome",
        ...mail,
        dedupeKey: `welcome:${user.id}`,
      });
      await queueEmailVerification(tx, {
        userId: user.id,
        name,
        email,
        purpose: "email_verification",
        appUrl: opts.appUrl,
      });
      return user;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists. Sign in instead.", {
        fields: { email: "already registered" },
      });
    }
    throw err;
  }
}
