import "server-only";

import { csvTextCell } from "@/lib/csv/csv-cell";
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
        [p.id, csvTextCell(p.title), String(p.inventoryCount), String(p.lowStockThreshold), csvTextCell(p.status)].join(
          ",",
        ),
      );
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].id;
  }
  return `${lines.join("\r\n")}\r\n`;
}
