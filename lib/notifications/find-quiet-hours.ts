import type { Tx } from "@/lib/db/client";

import { quietHoursEndAfter, type QuietHours } from "./quiet-hours";

/** The person's quiet hours, or null when they set none. */
export async function findQuietHours(tx: Tx, userId: string): Promise<QuietHours | null> {
  const s = await tx.notificationSettings.findUnique({
    where: { userId },
    select: { quietStartMinutes: true, quietEndMinutes: true, timeZone: true },
  });
  if (!s || s.quietStartMinutes === null || s.quietEndMinutes === null) return null;
  return { startMinutes: s.quietStartMinutes, endMinutes: s.quietEndMinutes, timeZone: s.timeZone };
}

/** When a push or SMS for the person, due now, may go out: null for at once, else the end of their quiet hours. */
export async function quietHoursEndFor(tx: Tx, userId: string, now: Date = new Date()): Promise<Date | null> {
  return quietHoursEndAfter(now, await findQuietHours(tx, userId));
}
