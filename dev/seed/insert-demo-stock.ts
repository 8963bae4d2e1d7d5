import type { Prisma } from "@/lib/generated/prisma/client";

import { insertInBatches } from "./insert-in-batches";
import type { planDemoCatalogue } from "./plan-demo-catalogue";

/** Each stocked listing's opening line in the inventory history, so its count has a cause. */
export async function insertDemoStock(
  opts: { plan: ReturnType<typeof planDemoCatalogue> },
  tx: Prisma.TransactionClient,
): Promise<number> {
  const rows: Prisma.InventoryAdjustmentCreateManyInput[] = opts.plan.products
    .filter((p) => p.inventoryCount > 0)
    .map((p) => ({
      productId: p.id,
      actorId: p.sellerUserId,
      delta: p.inventoryCount,
      resultingCount: p.inventoryCount,
      reason: "initial",
      createdAt: p.createdAt,
    }));
  return insertInBatches(rows, (data) => tx.inventoryAdjustment.createMany({ data }));
}
