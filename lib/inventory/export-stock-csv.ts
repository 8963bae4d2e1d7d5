import "server-only";

import { db } from "@/lib/db/client";

const HEADER = ["product_id", "title", "inventory_count", "low_stock_threshold", "status"];
const BATCH = 1_000;

/**
 * All of a seller's non-archived products as an RFC 4180 CSV (CRLF line ends), in the format
 * the stock import reads back, sorted by title. Read in batches so no single query returns a whole large shop.
 */
export async function exportStockCsv(opts: { sellerId: string }): Promise<string> {
  const lines = [HEADER.join(",")];
  let after: string | undefined;
  for (;;) {
    const batch = await db().product.findMany({
      where: { sellerId: opts.sellerId, status: { not: "archived" } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      take: BATCH,
      select: { id: true, title: true, inventoryCount: true, lowStockThreshold: true, status: true },
    });
    for (const p of batch)
      lines.push(
        [p.id, textCell(p.title), String(p.inventoryCount), String(p.lowStockThreshold), textCell(p.status)].join(","),
      );
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].id;
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * A free-text cell: a leading = + - @ tab or CR would make a spreadsheet run it as a formula
 * (CSV injection), so such a cell gets a leading apostrophe; then RFC 4180 quoting.
 */
function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
