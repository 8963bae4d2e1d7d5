import type Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { accountBalance } from "@/lib/ledger/account-balance";
import { buyerAccount, CHARGEBACK_LOSSES, COMMISSION, sellerPayable, sellerReceivable } from "@/lib/ledger/accounts";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { createUser } from "@/test/factories";
import {
  buyerWithAddress,
  control,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { listOpenChargebacks } from "./list-open-chargebacks";
import { listSellerChargebacks } from "./list-seller-chargebacks";
import { refundOrder } from "./refund-order";
import { releaseEscrow } from "./release-escrow";
import { resolveDispute } from "./resolve-dispute";

let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
});

async function paidOrder(priceCents = 10_000) {
  const s = await onboardedSeller();
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents }] });
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  await deliver(await eventsAbout([pi.id]));
  const chargeId = pi.latest_charge as string;
  const orderId = checkout.orders[0].order_id;
  current = orderId;
  const shipAndConfirm = async () => {
    await shipOrder({
      sellerId: s.seller.id,
      actorId: s.user.id,
      orderId,
      input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
    });
    await confirmDelivery({ buyerId: buyer.id, orderId });
  };
  return { s, buyer, orderId, chargeId, shipAndConfirm };
}

async function disputeEvents(chargeId: string, types: string[]): Promise<Stripe.Event[]> {
  return (await eventsAbout([chargeId])).filter((e) => types.includes(e.type));
}

// The platform's chargeback losses are one account for every order: this order's share of it.
async function lossesOf(orderId: string): Promise<number> {
  const entries = await db().ledgerEntry.findMany({
    where: { orderId, OR: [{ debitAccount: CHARGEBACK_LOSSES }, { creditAccount: CHARGEBACK_LOSSES }] },
    select: { debitAccount: true, amountCents: true },
  });
  return entries.reduce((sum, e) => sum + (e.debitAccount === CHARGEBACK_LOSSES ? -e.amountCents : e.amountCents), 0);
}

let current = "";
const balances = (sellerId: string, buyerId: string) =>
  Promise.all([
    accountBalance(db(), buyerAccount(buyerId), "USD"),
    accountBalance(db(), sellerPayable(sellerId), "USD"),
    accountBalance(db(), sellerReceivable(sellerId), "USD"),
    lossesOf(current),
  ]);

describe("card chargebacks", () => {
  it("on a held order: the money is frozen (no release, even by an admin) until the dispute is won, then released as usual", async () => {
    const { s, buyer, orderId, chargeId, shipAndConfirm } = await paidOrder();
    await shipAndConfirm();
    const dispute = await control().triggerDispute(chargeId, { reason: "product_not_received" });
    const opened = await disputeEvents(chargeId, ["charge.dispute.created"]);
    await deliver([...opened, ...opened]);
    expect(
      await db().chargeback.findMany({
        where: { orderId },
        select: { stage: true, status: true, amountCents: true, feeCents: true },
      }),
    ).toEqual([{ stage: "held", status: "open", amountCents: 10_000, feeCents: 1_500 }]);
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("disputed");
    expect(await releaseEscrow(orderId)).toBe("not_releasable");
    const card = await db().dispute.findFirstOrThrow({ where: { orderId } });
    await resolveDispute({ disputeId: card.id, adminId, decision: "release", note: "Proof of delivery" }).catch(
      () => undefined,
    );
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { escrowStatus: true } })).toEqual({
      escrowStatus: "held",
    });
    expect((await listOpenChargebacks()).map((c) => c.orderId)).toContain(orderId);
    expect(await accountBalance(db(), sellerPayable(s.seller.id), "USD")).toBe(0);

    await control().closeDispute(dispute.id, "won");
    await deliver(await disputeEvents(chargeId, ["charge.dispute.closed"]));
    expect((await db().chargeback.findFirstOrThrow({ where: { orderId } })).status).toBe("won");
    expect((await listOpenChargebacks()).map((c) => c.orderId)).not.toContain(orderId);
    const again = await db().dispute.findFirstOrThrow({ where: { orderId } });
    if (again.status === "open")
      await resolveDispute({ disputeId: again.id, adminId, decision: "release", note: "Card dispute won" });
    else expect(await releaseEscrow(orderId, { resolvingDispute: true })).toBe("released");
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { escrowStatus: true } })).toEqual({
      escrowStatus: "released",
    });
    expect(await balances(s.seller.id, buyer.id)).toEqual([-10_000, 8_500, 0, 0]);
  });

  it("on a held order lost: the escrow goes back to the buyer and the order is refunded", async () => {
    const { s, buyer, orderId, chargeId } = await paidOrder(4_000);
    const dispute = await control().triggerDispute(chargeId);
    await deliver(await disputeEvents(chargeId, ["charge.dispute.created"]));
    await control().closeDispute(dispute.id, "lost");
    const closed = await disputeEvents(chargeId, ["charge.dispute.closed"]);
    await deliver([...closed, ...closed]);
    expect(
      await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, escrowStatus: true } }),
    ).toEqual({ status: "refunded", escrowStatus: "refunded" });
    expect(await balances(s.seller.id, buyer.id)).toEqual([0, 0, 0, -1_500]);
    expect(await releaseEscrow(orderId)).toBe("not_releasable");
  });

  it("on a released order: the amount is booked back from the seller and the commission, the fee is the platform's loss; won, it all comes back", async () => {
    const { s, buyer, orderId, chargeId, shipAndConfirm } = await paidOrder();
    await shipAndConfirm();
    expect(await releaseEscrow(orderId)).toBe("released");
    const commissionBefore = await accountBalance(db(), COMMISSION, "USD");
    const dispute = await control().triggerDispute(chargeId, { reason: "product_unacceptable" });
    const opened = await disputeEvents(chargeId, ["charge.dispute.created", "charge.dispute.funds_withdrawn"]);
    await deliver([...opened, ...opened.reverse()]);
    expect(await db().chargeback.findFirstOrThrow({ where: { orderId } })).toMatchObject({
      stage: "released",
      status: "open",
      amountCents: 10_000,
      sellerShareCents: 8_500,
      commissionCents: 1_500,
      feeCents: 1_500,
    });
    expect(await balances(s.seller.id, buyer.id)).toEqual([0, 0, 0, -1_500]);
    expect(await accountBalance(db(), COMMISSION, "USD")).toBe(commissionBefore - 1_500);
    expect(
      (await listSellerChargebacks({ sellerId: s.seller.id })).map((c) => [c.orderId, c.status, c.sellerShareCents]),
    ).toEqual([[orderId, "open", 8_500]]);
    // A refund now would pay the buyer twice: refused with a reason, nothing moves.
    await expect(
      refundOrder({ orderId, actorType: "admin", actorId: adminId, reason: "Goodwill" }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("card dispute") });
    expect(await listSellerChargebacks({ sellerId: (await onboardedSeller()).seller.id })).toEqual([]);

    await control().closeDispute(dispute.id, "won");
    const closed = await disputeEvents(chargeId, ["charge.dispute.closed", "charge.dispute.funds_reinstated"]);
    await deliver([...closed, ...closed]);
    expect(await balances(s.seller.id, buyer.id)).toEqual([-10_000, 8_500, 0, 0]);
    expect(await accountBalance(db(), COMMISSION, "USD")).toBe(commissionBefore);
    expect((await listSellerChargebacks({ sellerId: s.seller.id }))[0].status).toBe("won");
  });

  it("on an order already paid out: lost, the seller owes it as a receivable netted from later payouts", async () => {
    const { s, buyer, orderId, chargeId, shipAndConfirm } = await paidOrder();
    await shipAndConfirm();
    await releaseEscrow(orderId);
    await runDailyPayouts({ day: `cb-${orderId}` });
    const dispute = await control().triggerDispute(chargeId);
    await deliver(await disputeEvents(chargeId, ["charge.dispute.created"]));
    expect(await balances(s.seller.id, buyer.id)).toEqual([0, 0, -8_500, -1_500]);
    await control().closeDispute(dispute.id, "lost");
    await deliver(await disputeEvents(chargeId, ["charge.dispute.closed"]));
    expect(await balances(s.seller.id, buyer.id)).toEqual([0, 0, -8_500, -1_500]);
    expect((await db().chargeback.findFirstOrThrow({ where: { orderId } })).status).toBe("lost");
  });
});
