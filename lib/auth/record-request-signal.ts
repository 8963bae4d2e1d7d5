import "server-only";

import { db, type Db, type Tx } from "@/lib/db/client";
import type { SignalAction } from "@/lib/generated/prisma/enums";

export type RequestOrigin = { ip: string; deviceId: string | null; userAgent: string };
export type CardFacts = { fingerprint: string | null; country: string | null; funding: string | null };

/**
 * Records where a sign-up, sign-in, checkout, payment, review or listing came from. The fraud
 * checks read these rows (shared devices, IPs and cards link accounts); admins see them; the
 * retention job deletes them after RETENTION_REQUEST_SIGNALS_DAYS.
 */
export async function recordRequestSignal(
  opts: {
    userId: string | null;
    action: SignalAction;
    subjectId?: string | null;
    origin: RequestOrigin;
    card?: CardFacts;
    outcome?: "succeeded" | "declined";
  },
  client: Tx | Db = db(),
): Promise<void> {
  await client.requestSignal.create({
    data: {
      userId: opts.userId,
      action: opts.action,
      subjectId: opts.subjectId ?? null,
      ip: opts.origin.ip.slice(0, 64),
      deviceId: opts.origin.deviceId,
      userAgent: opts.origin.userAgent.slice(0, 500),
      cardFingerprint: opts.card?.fingerprint?.slice(0, 64) ?? null,
      cardCountry: opts.card?.country?.toUpperCase().slice(0, 2) ?? null,
      cardFunding: opts.card?.funding?.slice(0, 16) ?? null,
      outcome: opts.outcome ?? null,
    },
  });
}
