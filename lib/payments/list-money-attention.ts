import "server-only";

import { listChargebacksOpen } from "./money-attention/list-chargebacks-open";
import { listFailedPayouts } from "./money-attention/list-failed-payouts";
import { listFailedRefunds } from "./money-attention/list-failed-refunds";
import { listFailedTransfers } from "./money-attention/list-failed-transfers";
import { listReceivablesOwed } from "./money-attention/list-receivables-owed";
import { listReleasesWaiting } from "./money-attention/list-releases-waiting";
import { listUnappliedWebhooks } from "./money-attention/list-unapplied-webhooks";
import type { MoneyAttentionSection } from "./money-attention/money-attention-types";

export type { MoneyAttentionRow, MoneyAttentionSection } from "./money-attention/money-attention-types";

const TAKE = 100;

/**
 * Everything about money an admin should look at, one section per kind (each its own file in
 * money-attention/), oldest first within each: releases waiting and why, transfers Stripe
 * refused, payouts that failed, what sellers owe back, refunds that failed, webhook events that
 * were not applied, chargebacks open. Each row says what fixes it and where its ledger lines are.
 */
export async function listMoneyAttention(): Promise<{ sections: MoneyAttentionSection[]; total: number }> {
  const query = { take: TAKE };
  const sections = await Promise.all([
    listReleasesWaiting(query),
    listFailedTransfers(query),
    listFailedPayouts(query),
    listReceivablesOwed(query),
    listFailedRefunds(query),
    listUnappliedWebhooks(query),
    listChargebacksOpen(query),
  ]);
  return { sections, total: sections.reduce((n, s) => n + s.rows.length, 0) };
}
