import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";

// How two accounts are linked by what their requests left in request_signals: the same device
// id (the signed cookie: one browser), the same card, or the same client IP. An IP seen for
// many accounts is a shared network (an office, a campus, a mobile carrier's NAT) and links
// nobody; signals older than the window are not compared.
export const SHARED_NETWORK_ACCOUNTS = 10;
const WINDOW_DAYS = 90;

export type AccountLink = { devices: number; ips: number; cards: number };

/**
 * For each of `others`, what it shares with `userId`: devices, IPs (shared networks left out)
 * and card fingerprints. Accounts sharing nothing are left out of the map.
 */
export async function accountLinks(tx: Tx, userId: string, others: string[]): Promise<Map<string, AccountLink>> {
  const out = new Map<string, AccountLink>();
  const ids = others.filter((o) => o !== userId);
  if (ids.length === 0) return out;
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  // With Stripe test keys every buyer pays with the same few test cards: a card links nobody.
  const testCards = env().STRIPE_SECRET_KEY.startsWith("sk_test_");
  const rows = await tx.$queryRaw<{ user_id: string; devices: number; ips: number; cards: number }[]>`
    WITH mine AS (
      SELECT device_id, ip, card_fingerprint FROM request_signals WHERE user_id = ${userId}::uuid AND created_at >= ${since}
    ), theirs AS (
      SELECT user_id, device_id, ip, card_fingerprint FROM request_signals
       WHERE user_id = ANY(${ids}::uuid[]) AND created_at >= ${since}
    ), crowded AS (
      SELECT ip FROM request_signals
       WHERE ip IN (SELECT ip FROM mine) AND created_at >= ${since}
       GROUP BY ip HAVING count(DISTINCT user_id) > ${SHARED_NETWORK_ACCOUNTS}
    )
    SELECT t.user_id::text AS user_id,
           count(DISTINCT t.device_id) FILTER (WHERE t.device_id IN (SELECT device_id FROM mine))::int AS devices,
           count(DISTINCT t.ip) FILTER (WHERE t.ip <> 'unknown' AND t.ip IN (SELECT ip FROM mine)
                                          AND t.ip NOT IN (SELECT ip FROM crowded))::int AS ips,
           count(DISTINCT t.card_fingerprint) FILTER (WHERE NOT ${testCards} AND t.card_fingerprint IN (SELECT card_fingerprint FROM mine))::int AS cards
      FROM theirs t GROUP BY t.user_id`;
  for (const r of rows)
    if (r.devices + r.ips + r.cards > 0) out.set(r.user_id, { devices: r.devices, ips: r.ips, cards: r.cards });
  return out;
}

/** A link in words, for the admin: "shares a device and an IP address". */
export function linkWords(l: AccountLink): string {
  const parts = [
    l.devices ? (l.devices === 1 ? "a device" : `${l.devices} devices`) : null,
    l.cards ? (l.cards === 1 ? "a card" : `${l.cards} cards`) : null,
    l.ips ? (l.ips === 1 ? "an IP address" : `${l.ips} IP addresses`) : null,
  ].filter(Boolean);
  return `shares ${parts.join(" and ")}`;
}
