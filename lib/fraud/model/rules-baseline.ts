// The rules the platform scored payments with before the model (lib/fraud/checkout-risk.ts),
// applied to the same facts, so `fraud:evaluate` can print both on the same held-out set.
import { checkoutRiskScore, checkoutRiskSignals } from "@/lib/fraud/checkout-risk";

import type { PaymentRiskFacts } from "./payment-features";

export function rulesScore(f: PaymentRiskFacts): number {
  const signals = checkoutRiskSignals({
    accountAgeHours: f.accountAgeHours,
    totalCents: f.amountCents,
    checkoutsLastHour: f.checkoutsLastHour,
    failedPaymentsLast24h: f.failedPaymentsLast24h,
    otherAccountsAtAddress: f.otherAccountsAtAddress,
    // The rules read the forwarder from the street address.
    shippingLine1: f.forwarderAddress ? "c/o Shipito, 1 Warehouse Way" : "1 Main Street",
    shippingLine2: null,
    recentDisputesOrRefunds: f.recentDisputesOrRefunds,
    completedOrders: f.completedOrders,
  });
  return checkoutRiskScore(signals, f.completedOrders);
}
