import "server-only";

import { listOpenChargebacks } from "../list-open-chargebacks";
import type { MoneyAttentionQuery, MoneyAttentionSection } from "./money-attention-types";

/** Card disputes the card network has not decided yet, and what each freezes or has booked. */
export async function listChargebacksOpen({ take }: MoneyAttentionQuery): Promise<MoneyAttentionSection> {
  const chargebacks = await listOpenChargebacks({ take });
  return {
    key: "chargebacks",
    title: "Chargebacks open",
    description:
      "Card disputes the card network has not decided yet. A held order's money is frozen; a released order's amount and the dispute fee are already booked.",
    rows: chargebacks.map((c) => ({
      id: c.id,
      title: `Order ${c.orderId.slice(0, 8)} · ${c.shopName} · ${c.stripeDisputeId}`,
      amountCents: c.amountCents,
      currency: c.currency,
      since: c.createdAt,
      reason: `${c.reason.replaceAll("_", " ")} (${c.stage === "held" ? "money still held: release frozen" : "after release: the seller's share is taken back, the dispute fee is the platform's"})`,
      fix: "Submit evidence in the Stripe dashboard before the due date; the outcome is applied by itself when Stripe closes the dispute.",
      ledger: { order: c.orderId },
      retryReleaseOf: null,
    })),
  };
}
