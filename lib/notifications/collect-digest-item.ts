import type { Tx } from "@/lib/db/client";

/** Whether the person reads their message and review emails as one email a day. */
export async function wantsDailyDigest(tx: Tx, userId: string): Promise<boolean> {
  const s = await tx.notificationSettings.findUnique({ where: { userId }, select: { dailyDigest: true } });
  return s?.dailyDigest ?? false;
}

/** Keeps one thing for the person's next daily digest; the dedupe key makes a repeat a no-op. */
export async function collectDigestItem(
  tx: Tx,
  item: { userId: string; kind: "message" | "review"; title: string; body: string; link: string; dedupeKey: string },
): Promise<void> {
  await tx.digestItem.upsert({
    where: { dedupeKey: item.dedupeKey },
    create: { ...item, title: item.title.slice(0, 300), body: item.body.slice(0, 2000) },
    update: {},
  });
}
