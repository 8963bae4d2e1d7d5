import "server-only";

import { db } from "@/lib/db/client";
import { sellerPaidOut } from "@/lib/ledger/accounts";
import { listOutstandingReceivables } from "@/lib/ledger/list-outstanding-receivables";

import { listOpenChargebacks } from "./list-open-chargebacks";
import { listParkedReleases } from "./list-parked-releases";
import { listWebhookAnomalies } from "./list-webhook-anomalies";
import { releaseBlockFix } from "./release-block-fix";

export type MoneyAttentionRow = {
  id: string;
  title: string;
  amountCents: number | null;
  currency: string;
  since: Date;
  reason: string;
  fix: string;
  /** The /admin/ledger filter showing this row's lines. */
  ledger: { order: string } | { account: string } | null;
  /** An order whose release an admin can retry now. */
  retryReleaseOf: string | null;
};

export type MoneyAttentionSection = {
  key:
    | "releases_waiting"
    | "failed_transfers"
    | "failed_payouts"
    | "receivables"
    | "failed_refunds"
    | "webhook_anomalies"
    | "chargebacks";
  title: string;
  description: string;
  rows: MoneyAttentionRow[];
};

const TAKE = 100;

/**
 * Everything about money an admin should look at, one section per kind, oldest first within
 * each: releases waiting and why, transfers Stripe refused, payouts that failed, what sellers
 * owe back, refunds that failed, webhook events that were not applied. Each row says what fixes
 * it and where its ledger lines are.
 */
export async function listMoneyAttention(): Promise<{ sections: MoneyAttentionSection[]; total: number }> {
  const [parked, failedTransfers, failedPayouts, receivables, failedRefunds, anomalies, chargebacks] =
    await Promise.all([
      listParkedReleases({ take: TAKE }),
      db().transfer.findMany({
        where: { status: "failed", order: { escrowStatus: "held" } },
        orderBy: { updatedAt: "asc" },
        take: TAKE,
        select: {
          id: true,
          orderId: true,
          amountCents: true,
          currency: true,
          keyVersion: true,
          updatedAt: true,
          seller: { select: { shopName: true } },
          order: { select: { releaseBlockedReason: true } },
        },
      }),
      db().payout.findMany({
        where: { status: "failed" },
        orderBy: { updatedAt: "asc" },
        take: TAKE,
        select: {
          id: true,
          amountCents: true,
          currency: true,
          failureMessage: true,
          updatedAt: true,
          sellerId: true,
          seller: { select: { shopName: true } },
        },
      }),
      listOutstandingReceivables({ take: TAKE }),
      db().refund.findMany({
        where: { status: "failed" },
        orderBy: { updatedAt: "asc" },
        take: TAKE,
        select: {
          id: true,
          orderId: true,
          amountCents: true,
          currency: true,
          reason: true,
          updatedAt: true,
          order: { select: { seller: { select: { shopName: true } } } },
        },
      }),
      listWebhookAnomalies({ limit: TAKE }),
      listOpenChargebacks({ take: TAKE }),
    ]);
  const shops = new Map(
    (
      await db().sellerProfile.findMany({
        where: { id: { in: receivables.map((r) => r.sellerId) } },
        select: { id: true, shopName: true },
      })
    ).map((s) => [s.id, s.shopName]),
  );

  const sections: MoneyAttentionSection[] = [
    {
      key: "releases_waiting",
      title: "Releases waiting",
      description:
        "Delivered orders whose seller is not paid yet. Each resumes by itself when its cause is gone; retry now once you fixed it.",
      rows: parked.map((p) => ({
        id: p.orderId,
        title: `Order ${p.orderId.slice(0, 8)} · ${p.shopName}`,
        amountCents: p.amountCents,
        currency: p.currency,
        since: p.blockedAt,
        reason: `${p.reason} (${p.attempts} ${p.attempts === 1 ? "attempt" : "attempts"})`,
        fix: releaseBlockFix(p.code, "admin"),
        ledger: { order: p.orderId },
        retryReleaseOf: p.orderId,
      })),
    },
    {
      key: "failed_transfers",
      title: "Transfers Stripe refused",
      description:
        "Stripe refused the transfer outright, so nothing was paid; the next attempt uses a new idempotency key.",
      rows: failedTransfers.map((t) => ({
        id: t.id,
        title: `Transfer for order ${t.orderId.slice(0, 8)} · ${t.seller.shopName}`,
        amountCents: t.amountCents,
        currency: t.currency,
        since: t.updatedAt,
        reason: t.order.releaseBlockedReason ?? "Refused by Stripe.",
        fix: `Refused ${t.keyVersion} ${t.keyVersion === 1 ? "time" : "times"}. Fix the cause, then retry the release.`,
        ledger: { order: t.orderId },
        retryReleaseOf: t.orderId,
      })),
    },
    {
      key: "failed_payouts",
      title: "Payouts that failed",
      description: "The seller's bank did not take the payout; its amount is back in their available balance.",
      rows: failedPayouts.map((p) => ({
        id: p.id,
        title: `Payout to ${p.seller.shopName}`,
        amountCents: p.amountCents,
        currency: p.currency,
        since: p.updatedAt,
        reason: p.failureMessage ?? "The payout failed.",
        fix: "The amount goes out with the next daily payout; if the bank account is wrong, the seller updates it in their Stripe dashboard.",
        ledger: { account: sellerPaidOut(p.sellerId) },
        retryReleaseOf: null,
      })),
    },
    {
      key: "receivables",
      title: "Receivables outstanding",
      description: "What sellers owe back after refunds of money already paid out to them.",
      rows: receivables.map((r) => ({
        id: r.account,
        title: `${shops.get(r.sellerId) ?? "A seller"} owes`,
        amountCents: r.owedCents,
        currency: r.currency,
        since: r.since,
        reason: "A refund after payout was covered by the platform.",
        fix: "Netted from the seller's next payouts automatically; nothing is paid out to them until it is settled.",
        ledger: { account: r.account },
        retryReleaseOf: null,
      })),
    },
    {
      key: "failed_refunds",
      title: "Refunds that failed",
      description: "Stripe could not return the money to the buyer's card.",
      rows: failedRefunds.map((r) => ({
        id: r.id,
        title: `Refund for order ${r.orderId.slice(0, 8)} · ${r.order.seller.shopName}`,
        amountCents: r.amountCents,
        currency: r.currency,
        since: r.updatedAt,
        reason: r.reason ?? "The refund failed.",
        fix: "Contact the buyer to return the money another way; the ledger already records it as refunded.",
        ledger: { order: r.orderId },
        retryReleaseOf: null,
      })),
    },
    {
      key: "webhook_anomalies",
      title: "Webhook events not applied",
      description: "Stripe events that were acknowledged but did not match what we know, so nothing was changed.",
      rows: anomalies.map((a) => ({
        id: a.id,
        title: `${a.eventType} · ${a.objectId}`,
        amountCents: null,
        currency: "USD",
        since: a.createdAt,
        reason: `${a.detail} (mismatch: ${a.mismatches.join(", ")})`,
        fix: a.checkoutId
          ? "Compare the payment in the Stripe dashboard with the checkout; refund it there if it should not have been taken."
          : "Look the object up in the Stripe dashboard.",
        ledger: null,
        retryReleaseOf: null,
      })),
    },
    {
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
    },
  ];
  return { sections, total: sections.reduce((n, s) => n + s.rows.length, 0) };
}
