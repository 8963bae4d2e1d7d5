// Applies the partitioning migration that is written down but not applied
// (docs/OPERATIONS.md, "Partitioning") to this file's throwaway database, with paid orders and
// their ledger in it, and checks the money is intact and the new tables behave as the old ones.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

const SQL = readFileSync(new URL("./partition-orders-ledger.sql", import.meta.url), "utf8");

/** Part 1 statement by statement (CONCURRENTLY refuses a transaction), part 2 as one script. */
async function applyMigration(url: string): Promise<void> {
  const [part1, part2] = SQL.split("-- ===== part 2");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Statements end with ";" at the end of a line; the $$ bodies hold none there but their END $$;
    const statements = part1
      .split(/;\s*\n/)
      .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
      .filter(Boolean);
    let pending = "";
    for (const s of statements) {
      pending = pending ? `${pending};\n${s}` : s;
      // A function or DO body spans several pieces until its closing $$.
      if ((pending.match(/\$\$/g) ?? []).length % 2 === 1) continue;
      await client.query(pending);
      pending = "";
    }
    await client.query(part2.slice(part2.indexOf("\n")));
  } finally {
    await client.end();
  }
}

describe("docs/migrations/partition-orders-ledger.sql", () => {
  it("partitions orders and ledger entries by month with the ledger intact", async () => {
    // Two paid orders (one checkout, two sellers), their capture entries in the ledger.
    const [s1, s2] = [await onboardedSeller(), await onboardedSeller()];
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({
      buyer,
      lines: [
        { sellerId: s1.seller.id, priceCents: 2_500 },
        { sellerId: s2.seller.id, priceCents: 4_000 },
      ],
    });
    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    await deliver(await eventsAbout([pi.id]));
    const entriesBefore = await db().ledgerEntry.count();
    expect(entriesBefore).toBeGreaterThan(0);
    expect((await checkLedgerInvariants()).ok).toBe(true);

    await db().$disconnect();
    await applyMigration(process.env.DATABASE_URL!);

    const q = async <T>(sql: string, ...values: unknown[]) => db().$queryRawUnsafe<T[]>(sql, ...values);
    const parts = await q<{ parent: string; child: string }>(
      `SELECT p.relname AS parent, c.relname AS child FROM pg_inherits i
         JOIN pg_class p ON p.oid = i.inhparent JOIN pg_class c ON c.oid = i.inhrelid
        WHERE p.relname IN ('orders', 'ledger_entries') ORDER BY 1, 2`,
    );
    expect(parts.filter((p) => p.parent === "orders").map((p) => p.child)).toEqual(
      expect.arrayContaining(["orders_history", "orders_default"]),
    );
    expect(parts.filter((p) => p.parent === "ledger_entries")).toHaveLength(5);
    expect(await db().ledgerEntry.count()).toBe(entriesBefore);
    expect(await db().order.count({ where: { checkoutId: checkout.checkout_id, status: "paid" } })).toBe(2);
    const invariants = await checkLedgerInvariants();
    expect(invariants.ok, JSON.stringify(invariants.results.filter((r) => !r.ok))).toBe(true);

    // A new (unpaid) order dated next month lands in that month's partition.
    const order = await db().order.findFirstOrThrow({ where: { checkoutId: checkout.checkout_id } });
    const [month] = await q<{ start: Date }>(`SELECT date_trunc('month', now()) + interval '1 month' AS start`);
    const next = randomUUID();
    await q(
      `INSERT INTO orders
         SELECT (jsonb_populate_record(NULL::orders, to_jsonb(o) || jsonb_build_object('id', $1::text, 'created_at', $2::text, 'status', 'pending', 'escrow_status', 'none'))).*
           FROM orders o WHERE o.id = $3::uuid`,
      next,
      new Date(month.start.getTime() + 86_400_000).toISOString(),
      order.id,
    );
    const [where] = await q<{ part: string }>(
      `SELECT tableoid::regclass::text AS part FROM orders WHERE id = $1::uuid`,
      next,
    );
    expect(where.part).toMatch(/^orders_\d{4}_\d{2}$/);

    // The ledger: a movement next month posts there, its order_created_at filled; the same movement again is skipped.
    const post = (reference: string) =>
      q<{ id: string }>(
        `INSERT INTO ledger_entries (id, transaction_id, order_id, debit_account, credit_account, amount_cents, currency, entry_type, reference, created_at)
         VALUES (gen_random_uuid(), gen_random_uuid(), $1::uuid, 'test:a', 'test:b', 100, 'USD', 'adjustment', $2, $3::timestamp) RETURNING id`,
        next,
        reference,
        new Date(month.start.getTime() + 86_400_000).toISOString(),
      );
    expect(await post("partition-test")).toHaveLength(1);
    expect(await post("partition-test")).toHaveLength(0);
    const [entry] = await q<{ part: string; order_created_at: Date }>(
      `SELECT tableoid::regclass::text AS part, order_created_at FROM ledger_entries WHERE reference = 'partition-test'`,
    );
    expect(entry.part).toMatch(/^ledger_entries_\d{4}_\d{2}$/);
    expect(entry.order_created_at).not.toBeNull();

    // Still append-only, on the parent and on a partition.
    await expect(q(`UPDATE ledger_entries SET amount_cents = 1`)).rejects.toThrow(/append-only/);
    await expect(q(`DELETE FROM ledger_entries_history`)).rejects.toThrow(/append-only/);
    await expect(q(`TRUNCATE ledger_entries_history`)).rejects.toThrow(/append-only/);
    // A child row naming no order is refused, as the old foreign key did.
    await expect(
      q(
        `INSERT INTO order_status_changes (id, order_id, to_status, actor_type) VALUES (gen_random_uuid(), $1::uuid, 'paid', 'system')`,
        randomUUID(),
      ),
    ).rejects.toThrow(/does not exist|foreign key/);
    // Deleting an order with ledger entries is still refused (RESTRICT, composite now).
    await expect(q(`DELETE FROM orders WHERE id = $1::uuid`, next)).rejects.toThrow(/foreign key/);
  });
});
