import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

import { SHARED_NETWORK_ACCOUNTS } from "./account-links";

export type LinkKind = "device" | "card" | "ip" | "address";
export type AccountCluster = {
  accounts: { id: string; email: string; status: string; createdAt: Date; suspended: boolean }[];
  /** What links them, in words, strongest first: "2 devices, 1 IP address". */
  links: { kind: LinkKind; count: number }[];
  lastSeen: Date;
  hasSuspended: boolean;
};

const WINDOW_DAYS = 90;
const MAX_KEYS = 2000;

/**
 * Accounts linked by what they share (a device id, a card, an IP that is not a shared network,
 * a street address), grouped into clusters: two accounts are in one cluster when a chain of
 * shared things joins them. Clusters with a suspended member first, then the largest. For
 * admins only (the page checks the role); the signals behind it are kept
 * RETENTION_REQUEST_SIGNALS_DAYS.
 */
export async function listAccountClusters(opts: { limit?: number } = {}): Promise<AccountCluster[]> {
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  const testCards = env().STRIPE_SECRET_KEY.startsWith("sk_test_");
  const shared = await db().$queryRaw<{ kind: LinkKind; key: string; users: string[]; last_seen: Date }[]>`
    WITH keyed AS (
      SELECT 'device' AS kind, device_id AS key, user_id, created_at FROM request_signals
       WHERE device_id IS NOT NULL AND user_id IS NOT NULL AND created_at >= ${since}
      UNION ALL
      SELECT 'card', card_fingerprint, user_id, created_at FROM request_signals
       WHERE NOT ${testCards} AND card_fingerprint IS NOT NULL AND user_id IS NOT NULL AND created_at >= ${since}
      UNION ALL
      SELECT 'ip', ip, user_id, created_at FROM request_signals
       WHERE ip <> 'unknown' AND user_id IS NOT NULL AND created_at >= ${since}
      UNION ALL
      SELECT 'address', lower(regexp_replace(line1, '[^a-zA-Z0-9]+', ' ', 'g')) || '|' || upper(replace(postal_code, ' ', '')),
             user_id, created_at FROM addresses
    )
    SELECT kind, key, array_agg(DISTINCT user_id::text) AS users, max(created_at) AS last_seen
      FROM keyed GROUP BY kind, key
    HAVING count(DISTINCT user_id) BETWEEN 2 AND ${SHARED_NETWORK_ACCOUNTS}
     ORDER BY max(created_at) DESC LIMIT ${MAX_KEYS}`;

  // Union-find over accounts: each shared key joins its accounts.
  const parent = new Map<string, string>();
  const find = (u: string): string => {
    let p = parent.get(u) ?? u;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(u, p);
    return p;
  };
  for (const s of shared) for (const u of s.users.slice(1)) parent.set(find(u), find(s.users[0]));

  const byRoot = new Map<string, { users: Set<string>; links: Map<LinkKind, number>; lastSeen: Date }>();
  for (const s of shared) {
    const root = find(s.users[0]);
    const c = byRoot.get(root) ?? { users: new Set(), links: new Map(), lastSeen: s.last_seen };
    for (const u of s.users) c.users.add(u);
    c.links.set(s.kind, (c.links.get(s.kind) ?? 0) + 1);
    if (s.last_seen > c.lastSeen) c.lastSeen = s.last_seen;
    byRoot.set(root, c);
  }
  const ids = [...new Set([...byRoot.values()].flatMap((c) => [...c.users]))];
  const users = await db().user.findMany({
    where: { id: { in: ids } },
    select: { id: true, email: true, status: true, createdAt: true },
  });
  const userOf = new Map(users.map((u) => [u.id, u]));
  const order: LinkKind[] = ["device", "card", "address", "ip"];
  return [...byRoot.values()]
    .map((c) => {
      const accounts = [...c.users]
        .map((id) => userOf.get(id))
        .filter((u) => u !== undefined)
        .map((u) => ({ ...u, status: String(u.status), suspended: u.status === "suspended" }))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      return {
        accounts,
        links: order.filter((k) => c.links.has(k)).map((kind) => ({ kind, count: c.links.get(kind)! })),
        lastSeen: c.lastSeen,
        hasSuspended: accounts.some((a) => a.suspended),
      };
    })
    .filter((c) => c.accounts.length >= 2)
    .sort(
      (a, b) =>
        Number(b.hasSuspended) - Number(a.hasSuspended) ||
        b.accounts.length - a.accounts.length ||
        b.lastSeen.getTime() - a.lastSeen.getTime(),
    )
    .slice(0, opts.limit ?? 50);
}
