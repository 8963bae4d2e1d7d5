// The admin's "money needing attention" queue: each kind of stuck money in its own section,
// with its reason, its fix and its ledger lines; a fixed release leaves the queue.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { sellerPaidOut } from "@/lib/ledger/accounts";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { settlePayout } from "@/lib/payouts/settle-payout";
import { refreshSellerAccount } from "@/lib/sellers/refresh-seller-account";
import { startSellerOnboarding } from "@/lib/sellers/start-seller-onboarding";
import { createSeller, createUser } from "@/test/factories";
import {
  buyerWithAddress,
  control,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { listMoneyAttention, type MoneyAttentionSection } from "./list-money-attention";
import { refundOrder } from "./refund-order";
import { releaseEscrow } from "./release-escrow";
import { retryRelease } from "./retry-release";

let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
});

async function deliveredOrder(s: { seller: { id: string }; user: { id: string } }, priceCents: number) {
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents }] });
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  await deliver(await eventsAbout([pi.id]));
  const orderId = checkout.orders[0].order_id;
  await shipOrder({
    sellerId: s.seller.id,
    actorId: s.user.id,
    orderId,
    input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
  });
  await confirmDelivery({ buyerId: buyer.id, orderId });
  return orderId;
}

const section = (sections: MoneyAttentionSection[], key: MoneyAttentionSection["key"]) =>
  sections.find((s) => s.key === key)!;

describe("money needing attention", () => {
  it("lists waiting releases, failed payouts, receivables, failed refunds and unapplied webhooks, each with its fix and ledger lines", async () => {
    // A release waiting for a payout account.
    const newcomer = await createSeller(db());
    await db().sellerProfile.update({ where: { id: newcomer.seller.id }, data: { payoutsEnabled: false } });
    const waiting = await deliveredOrder(newcomer, 10_000);
    expect(await retryRelease(waiting)).toBe("parked");

    // A payout the bank refused, then a refund after payout that leaves a receivable.
    const s = await onboardedSeller();
    const paidOut = await deliveredOrder(s, 6_000);
    expect(await releaseEscrow(paidOut)).toBe("released");
    await runDailyPayouts({ day: `attention-${paidOut}` });
    const payout = await db().payout.findFirstOrThrow({ where: { sellerId: s.seller.id } });
    await control().failPayout(payout.stripePayoutId!);
    await settlePayout({
      stripePayoutId: payout.stripePayoutId!,
      status: "failed",
      failureMessage: "The bank account is closed.",
    });
    await runDailyPayouts({ day: `attention-2-${paidOut}` });
    await refundOrder({ orderId: paidOut, actorType: "admin", actorId: adminId, reason: "Arrived broken" });

    // A refund Stripe later reported failed, and a webhook that was not applied.
    const refunded = await db().refund.findFirstOrThrow({ where: { orderId: paidOut } });
    await db().refund.update({ where: { id: refunded.id }, data: { status: "failed" } });
    await db().webhookAnomaly.create({
      data: {
        eventId: `evt_attention_${paidOut}`,
        eventType: "payment_intent.succeeded",
        objectId: "pi_unknown",
        mismatches: ["checkout"],
        detail: "No checkout has this PaymentIntent.",
      },
    });

    const { sections, total } = await listMoneyAttention();
    expect(total).toBe(sections.reduce((n, x) => n + x.rows.length, 0));
    expect(section(sections, "releases_waiting").rows).toContainEqual(
      expect.objectContaining({
        id: waiting,
        amountCents: 8_500,
        reason: expect.stringContaining("has not connected a payout account"),
        fix: expect.stringContaining("resumes by itself"),
        ledger: { order: waiting },
        retryReleaseOf: waiting,
      }),
    );
    expect(section(sections, "failed_payouts").rows).toContainEqual(
      expect.objectContaining({
        id: payout.id,
        amountCents: 5_100,
        reason: "The bank account is closed.",
        ledger: { account: sellerPaidOut(s.seller.id) },
        retryReleaseOf: null,
      }),
    );
    expect(section(sections, "receivables").rows).toContainEqual(
      expect.objectContaining({ title: `${s.seller.shopName} owes`, amountCents: 5_100, retryReleaseOf: null }),
    );
    expect(section(sections, "failed_refunds").rows).toContainEqual(
      expect.objectContaining({ id: refunded.id, amountCents: 6_000, ledger: { order: paidOut } }),
    );
    expect(section(sections, "webhook_anomalies").rows).toContainEqual(
      expect.objectContaining({
        title: "payment_intent.succeeded · pi_unknown",
        reason: expect.stringContaining("mismatch: checkout"),
      }),
    );

    // The seller connects; the admin's "retry now" pays the release and it leaves the queue.
    await startSellerOnboarding({
      sellerId: newcomer.seller.id,
      email: newcomer.user.email,
      appUrl: "http://localhost:3000",
    });
    await control().completeOnboarding(
      (await db().sellerProfile.findUniqueOrThrow({ where: { id: newcomer.seller.id } })).stripeAccountId!,
    );
    await refreshSellerAccount({ sellerId: newcomer.seller.id });
    expect(await retryRelease(waiting)).toBe("released");
    expect(section((await listMoneyAttention()).sections, "releases_waiting").rows.map((r) => r.id)).not.toContain(
      waiting,
    );
  });
});
