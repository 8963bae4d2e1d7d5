import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { getSellerLedgerBalance } from "@/lib/ledger/get-seller-ledger-balance";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { releaseEscrow } from "@/lib/payments/release-escrow";
import { stripe } from "@/lib/payments/stripe-client";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { createUser } from "@/test/factories";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  payCheckout,
  placeCheckout,
  shippedOrder,
} from "@/test/payment-scenario";
import { runDomainEvents } from "@/test/run-domain-events";

import { decideClaim, type ClaimDecision } from "./decide-claim";
import { listOpenClaims } from "./list-open-claims";
import { openClaim } from "./open-claim";

const DAY = 86_400_000;
let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
});

/** A 40.00 order (commission 6.00, seller's share 34.00), shipped; delivered and released unless asked not to. */
async function order(opts: { stage?: "shipped" | "delivered" | "released" } = {}) {
  const stage = opts.stage ?? "released";
  const o = await shippedOrder({ confirm: stage !== "shipped" });
  if (stage === "released") expect(await releaseEscrow(o.orderId)).toBe("released");
  return o;
}

const refunds = async (piId: string) =>
  (await stripe().refunds.list({ payment_intent: piId })).data.map((r) => r.amount).sort((a, b) => a - b);
const claimInput = { kind: "damaged", description: "The lid arrived cracked in two." } as const;

describe("buyer claims after delivery", () => {
  it("after release: the buyer claims, an admin refunds in full, the Transfer is reversed and the claim closes", async () => {
    const o = await order();
    const { claimId } = await openClaim({ buyerId: o.buyer.id, orderId: o.orderId, input: claimInput });
    expect((await listOpenClaims()).rows.find((c) => c.id === claimId)?.order).toMatchObject({
      id: o.orderId,
      escrowStatus: "released",
      totalCents: 4_000,
    });
    await runDomainEvents(); // the emails are written by the worker from the outbox
    const opened = await db().notification.findMany({
      where: { dedupeKey: { startsWith: `claim:${claimId}:opened` } },
      orderBy: { template: "asc" },
    });
    expect(opened.map((n) => n.subject)).toEqual([
      `We received your claim on order ${o.orderId.slice(0, 8)}`,
      `A buyer opened a claim on order ${o.orderId.slice(0, 8)}`,
    ]);

    const decisions = await Promise.allSettled(
      [1, 2].map(() =>
        decideClaim({ claimId, adminId, input: { decision: "refund_full", note: "Photos show the damage" } }),
      ),
    );
    expect(decisions.filter((d) => d.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(await refunds(o.pi.id)).toEqual([4_000]);
    const transfer = await db().transfer.findFirstOrThrow({ where: { orderId: o.orderId } });
    expect((await stripe().transfers.listReversals(transfer.stripeTransferId!)).data.map((r) => r.amount)).toEqual([
      3_400,
    ]);
    expect(await db().claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      status: "refunded",
      refundedCents: 4_000,
      decidedById: adminId,
    });
    expect(await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "refunded",
      refundedCents: 4_000,
    });
    await expect(
      decideClaim({ claimId, adminId, input: { decision: "reject", note: "Changed my mind" } }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("after the payout: a partial refund becomes the seller's receivable and the next payout is reduced by it", async () => {
    const o = await order();
    const day = `c-${o.orderId}`;
    await runDailyPayouts({ day });
    const { claimId } = await openClaim({
      buyerId: o.buyer.id,
      orderId: o.orderId,
      input: { ...claimInput, amountCents: 1_500 },
    });
    expect(await decideClaim({ claimId, adminId, input: { decision: "refund_requested" } })).toEqual({
      outcome: "refunded",
      refundedCents: 1_500,
    });
    expect(await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "completed",
      refundedCents: 1_500,
      refundedFeeCents: 225,
    });
    expect(await getSellerLedgerBalance(db(), { sellerId: o.s.seller.id, currency: "USD" })).toMatchObject({
      payableCents: 0,
      receivableCents: -1_275,
    });

    const buyer = await buyerWithAddress();
    const next = await placeCheckout({ buyer, lines: [{ sellerId: o.s.seller.id, priceCents: 2_000 }] });
    await deliver(await eventsAbout([(await payCheckout(next.checkout_id, buyer.id)).id]));
    await shipOrder({
      sellerId: o.s.seller.id,
      actorId: o.s.user.id,
      orderId: next.orders[0].order_id,
      input: { carrier: "UPS", trackingNumber: "1Z999AA2" },
    });
    await confirmDelivery({ buyerId: buyer.id, orderId: next.orders[0].order_id });
    await releaseEscrow(next.orders[0].order_id);
    // An admin's second run the same day pays what became available since, less what is owed; a third pays nothing.
    expect(await runDailyPayouts({ day })).toMatchObject({ paidOut: 1_700 - 1_275 });
    expect(await runDailyPayouts({ day })).toMatchObject({ paidOut: 0 });
    const payouts = await db().payout.findMany({ where: { sellerId: o.s.seller.id }, orderBy: { createdAt: "asc" } });
    expect(payouts.map((p) => [p.amountCents, p.idempotencyKey.endsWith(":2")])).toEqual([
      [3_400, false],
      [1_700 - 1_275, true],
    ]);
    expect((await stripe().payouts.list({}, { stripeAccount: o.s.accountId })).data).toHaveLength(2);
  });

  it("an admin refunds part of a claim by amount, or rejects one with a note (both told)", async () => {
    const o = await order({ stage: "delivered" });
    const { claimId } = await openClaim({ buyerId: o.buyer.id, orderId: o.orderId, input: claimInput });
    await expect(
      decideClaim({ claimId, adminId, input: { decision: "refund_partial" } as ClaimDecision }),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      decideClaim({ claimId, adminId, input: { decision: "refund_partial", amountCents: 4_001 } }),
    ).rejects.toMatchObject({ status: 409 });
    await decideClaim({
      claimId,
      adminId,
      input: { decision: "refund_partial", amountCents: 1_000, note: "A fair share for the lid" },
    });
    // Before release: the money left escrow; the release pays the seller what is left.
    expect(await releaseEscrow(o.orderId)).toBe("released");
    expect((await stripe().transfers.list({ transfer_group: o.checkoutId })).data.map((t) => t.amount)).toEqual([
      3_000 - 450,
    ]);

    const second = await openClaim({
      buyerId: o.buyer.id,
      orderId: o.orderId,
      input: { kind: "not_as_described", description: "The colour is not the one pictured." },
    });
    await expect(openClaim({ buyerId: o.buyer.id, orderId: o.orderId, input: claimInput })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("already have an open claim"),
    });
    await expect(
      decideClaim({ claimId: second.claimId, adminId, input: { decision: "reject" } as ClaimDecision }),
    ).rejects.toMatchObject({ status: 400 });
    expect(
      await decideClaim({
        claimId: second.claimId,
        adminId,
        input: { decision: "reject", note: "The listing shows this colour" },
      }),
    ).toEqual({ outcome: "rejected", refundedCents: 0 });
    await runDomainEvents(); // the emails are written by the worker from the outbox
    const rejected = await db().notification.findFirstOrThrow({
      where: { dedupeKey: `claim:${second.claimId}:rejected:buyer` },
    });
    expect(rejected.body).toContain("The listing shows this colour");
    expect(await refunds(o.pi.id)).toEqual([1_000]);
  });

  it("the protection window: 30 days after delivery; a parcel that never arrived once its expected date passed", async () => {
    const o = await order({ stage: "shipped" });
    await expect(
      openClaim({
        buyerId: o.buyer.id,
        orderId: o.orderId,
        input: { kind: "never_arrived", description: "Nothing has come yet at all." },
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("expected by") });
    await expect(
      openClaim({ buyerId: o.buyer.id, orderId: o.orderId, input: claimInput, now: new Date(Date.now() + 6 * DAY) }),
    ).rejects.toMatchObject({ status: 409 });
    const other = await buyerWithAddress();
    await expect(
      openClaim({
        buyerId: other.id,
        orderId: o.orderId,
        input: { kind: "never_arrived", description: "Nothing has come yet at all." },
      }),
    ).rejects.toMatchObject({ status: 404 });
    const { claimId } = await openClaim({
      buyerId: o.buyer.id,
      orderId: o.orderId,
      input: { kind: "never_arrived", description: "Nothing has come yet at all." },
      now: new Date(Date.now() + 6 * DAY),
    });
    await decideClaim({ claimId, adminId, input: { decision: "refund_full", note: "Carrier lost it" } });
    expect(await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "refunded",
      escrowStatus: "refunded",
    });
    expect((await stripe().transfers.list({ transfer_group: o.checkoutId })).data).toHaveLength(0);

    const late = await order({ stage: "delivered" });
    await expect(
      openClaim({
        buyerId: late.buyer.id,
        orderId: late.orderId,
        input: claimInput,
        now: new Date(Date.now() + 31 * DAY),
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("30 days after delivery") });
    await expect(
      openClaim({ buyerId: late.buyer.id, orderId: late.orderId, input: { kind: "damaged", description: "short" } }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
