import "server-only";

import type { CartLine } from "@/lib/cart/cart-store";
import { AppError } from "@/lib/errors/app-error";

import { gateUnit, type AdmissionGate } from "./admission-gate";

/**
 * Passes the cart's hot (flash-sale) lines through the admission gate before the checkout is
 * written. The caller calls `release()` to give the gate back what was taken when the checkout
 * goes nowhere (refused, or a replay). A line the gate calls sold out refuses the checkout at once.
 */
export async function admitHotLines(
  gate: AdmissionGate,
  lines: CartLine[],
  hot: ReadonlySet<string>,
): Promise<{ release: () => Promise<void> }> {
  const admitted: CartLine[] = [];
  const release = async () => {
    for (const l of admitted) await gate.release(gateUnit(l), l.quantity);
  };
  try {
    for (const line of lines.filter((l) => hot.has(l.productId))) {
      const a = await gate.admit(gateUnit(line), line.quantity);
      if (a === "sold_out")
        throw new AppError("conflict", "Sold out: this item has no stock left.", {
          productId: line.productId,
          variantId: line.variantId,
          available: 0,
        });
      if (a === "admitted") admitted.push(line);
    }
  } catch (err) {
    await release();
    throw err;
  }
  return { release };
}
