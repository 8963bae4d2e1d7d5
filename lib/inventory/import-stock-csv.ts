import "server-only";

import { db } from "@/lib/db/client";

import { parseStockCsv, type StockCsvRowError } from "./parse-stock-csv";
import { setInventoryCount } from "./set-inventory-count";

export type StockImportResult = { applied: number; unchanged: number; errors: StockCsvRowError[] };

// Up to 5,000 rows, each a locked update plus its history and outbox rows.
const IMPORT_TIMEOUT_MS = 120_000;

/**
 * Sets stock (and optionally the low-stock threshold) for every row of a seller's CSV.
 * All or nothing: every row is checked first, and if any row has a problem nothing is
 * applied and each problem is reported against its row; otherwise all rows are applied in
 * one transaction, each count through setInventoryCount with reason `csv_import`.
 */
export async function importStockCsv(opts: {
  sellerId: string;
  actorId: string;
  csv: string;
}): Promise<StockImportResult> {
  const { rows, errors } = parseStockCsv(opts.csv);
  const ids = rows.map((r) => r.productId);
  const owned = ids.length
    ? await db().product.findMany({ where: { sellerId: opts.sellerId, id: { in: ids } }, select: { id: true } })
    : [];
  const ownedIds = new Set(owned.map((p) => p.id));
  for (const r of rows) {
    if (!ownedIds.has(r.productId))
      errors.push({ row: r.row, message: `row ${r.row}: product not found in your shop` });
  }
  if (errors.length) return { applied: 0, unchanged: 0, errors: errors.sort((a, b) => a.row - b.row) };

  return db().$transaction(
    async (tx) => {
      // Lock every row up front in id order, so two imports (or an import and a checkout)
      // touching the same products wait for each other instead of deadlocking.
      const locked = await tx.$queryRaw<{ id: string; inventory_count: number; low_stock_threshold: number }[]>`
        SELECT id::text, inventory_count, low_stock_threshold FROM products
         WHERE seller_id = ${opts.sellerId}::uuid AND id = ANY(${ids}::uuid[])
         ORDER BY id FOR UPDATE`;
      const current = new Map(locked.map((p) => [p.id, p]));
      const changed = new Set<string>();
      const thresholds: { id: string; value: number }[] = [];
      for (const r of rows) {
        const before = current.get(r.productId);
        if (!before || before.inventory_count !== r.count) {
          await setInventoryCount(tx, {
            productId: r.productId,
            sellerId: opts.sellerId,
            count: r.count,
            reason: "csv_import",
            actorId: opts.actorId,
            note: r.note,
          });
          changed.add(r.productId);
        }
        if (r.lowStockThreshold !== undefined && r.lowStockThreshold !== before?.low_stock_threshold) {
          thresholds.push({ id: r.productId, value: r.lowStockThreshold });
          changed.add(r.productId);
        }
      }
      if (thresholds.length) {
        await tx.$executeRaw`
          UPDATE products AS p SET low_stock_threshold = t.value, updated_at = now()
            FROM unnest(${thresholds.map((t) => t.id)}::uuid[], ${thresholds.map((t) => t.value)}::int[]) AS t(id, value)
           WHERE p.id = t.id AND p.seller_id = ${opts.sellerId}::uuid`;
      }
      const applied = changed.size;
      return { applied, unchanged: rows.length - applied, errors: [] };
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 },
  );
}
