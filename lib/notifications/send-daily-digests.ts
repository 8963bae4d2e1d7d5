import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/mail/queue-email";

import { wallClockAt } from "./quiet-hours";

// The digest goes out at the first cron run from this local hour on.
export const DIGEST_LOCAL_HOUR = 8;
const MAX_ITEMS_LISTED = 50;

/**
 * The daily digest (hourly cron): for each person on it with things collected and not yet sent,
 * once their local clock has passed DIGEST_LOCAL_HOUR, one email listing them, and the items
 * marked digested in the same transaction. The dedupe key is the person and their local date,
 * so at most one digest a day however often it runs. Returns how many digests were queued.
 */
export async function sendDailyDigests(now: Date = new Date()): Promise<number> {
  const readers = await db().notificationSettings.findMany({
    where: { dailyDigest: true, user: { deletedAt: null, digestItems: { some: { digestedAt: null } } } },
    select: { userId: true, timeZone: true, user: { select: { email: true } } },
  });
  let queued = 0;
  for (const r of readers) {
    const local = wallClockAt(now, r.timeZone);
    if (local.hour < DIGEST_LOCAL_HOUR) continue;
    const day = `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
    const sent = await db().$transaction(async (tx) => {
      const items = await tx.digestItem.findMany({
        where: { userId: r.userId, digestedAt: null, createdAt: { lte: now } },
        orderBy: { createdAt: "asc" },
      });
      if (items.length === 0) return false;
      const messages = items.filter((i) => i.kind === "message").length;
      const reviews = items.filter((i) => i.kind === "review").length;
      const counts = [
        messages ? `${messages} new message${messages === 1 ? "" : "s"}` : null,
        reviews ? `${reviews} new review${reviews === 1 ? "" : "s"}` : null,
      ]
        .filter(Boolean)
        .join(" and ");
      const lines = items
        .slice(0, MAX_ITEMS_LISTED)
        .map((i) => `- ${i.title}\n  ${i.body.replace(/\s+/g, " ").slice(0, 200)}\n  ${env().APP_URL}${i.link}`);
      const more = items.length > MAX_ITEMS_LISTED ? `\n…and ${items.length - MAX_ITEMS_LISTED} more.` : "";
      const id = await queueEmail(tx, {
        userId: r.userId,
        to: r.user.email,
        template: "daily-digest",
        subject: `Your day on Marketplace: ${counts}`,
        body: `Since your last digest:\n\n${lines.join("\n\n")}${more}\n\nGet these one by one instead: ${env().APP_URL}/account/notifications\n`,
        dedupeKey: `digest:${r.userId}:${day}`,
      });
      // Already sent today: keep the items for tomorrow's.
      if (!id) return false;
      await tx.digestItem.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { digestedAt: now } });
      return true;
    });
    if (sent) queued += 1;
  }
  return queued;
}
