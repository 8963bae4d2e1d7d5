// Escrow releases that cannot run are parked on the order with the reason and the fix, the
// seller is told once per cause, and the release runs by itself once the cause is gone:
// account.updated for a payout account, the sweep for Stripe errors. Exactly one transfer.
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";

import { freePort } from "@/dev/services/free-port";
import { db } from "@/lib/db/client";
import { JOBS } from "@/lib/jobs/queues";
import { accountBalance } from "@/lib/ledger/account-balance";
import { sellerPayable } from "@/lib/ledger/accounts";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
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
  sellerWithoutPayouts,
} from "@/test/payment-scenario";
import { runDomainEvents } from "@/test/run-domain-events";
import { JOB_HANDLERS } from "@/worker/handlers";

import { listParkedReleases } from "./list-parked-releases";
import { openDispute } from "./open-dispute";
import { releaseEscrow } from "./release-escrow";
import { resolveDispute } from "./resolve-dispute";
import { retryRelease } from "./retry-release";
import { stripe } from "./stripe-client";
import { sweepParkedReleases } from "./sweep-parked-releases";

let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
});

/** A paid $100.00 order of the seller's, shipped; delivered too unless told. */
async function paidOrder(s: { seller: { id: string }; user: { id: string } }, opts: { deliver?: boolean } = {}) {
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 10_000 }] });
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  await deliver(await eventsAbout([pi.id]));
  const orderId = checkout.orders[0].order_id;
  await shipOrder({
    sellerId: s.seller.id,
    actorId: s.user.id,
    orderId,
    input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
  });
  if (opts.deliver !== false) await confirmDelivery({ buyerId: buyer.id, orderId });
  return { orderId, buyer, checkoutId: checkout.checkout_id };
}

/** The release-escrow jobs queued for the order (the worker would run each once). */
const queuedReleases = (orderId: string) =>
  db().$queryRaw<
    { id: string }[]
  >`SELECT id FROM pgboss.job WHERE name = ${JOBS.releaseEscrow} AND data->>'orderId' = ${orderId}`;

/** Runs every queued release job for the order at once, as several workers would. */
async function runQueuedReleases(orderId: string) {
  const jobs = await queuedReleases(orderId);
  return (await Promise.all(jobs.map(() => JOB_HANDLERS[JOBS.releaseEscrow]({ orderId })))).sort();
}

// The emails react to the orders' moves in the worker; run what it would have run by now.
const sellerMail = async (email: string) => {
  await runDomainEvents();
  return db().notification.findMany({
    where: { toAddress: email },
    orderBy: { createdAt: "asc" },
    select: { template: true, subject: true, body: true },
  });
};
const transfersOf = async (checkoutId: string) => (await stripe().transfers.list({ transfer_group: checkoutId })).data;

/** The seller finishes Stripe's hosted onboarding; returns the account.updated events it caused, not yet delivered. */
async function connectPayouts(s: { seller: { id: string }; user: { email: string } }) {
  await startSellerOnboarding({ sellerId: s.seller.id, email: s.user.email, appUrl: "http://localhost:3000" });
  const accountId = (await db().sellerProfile.findUniqueOrThrow({ where: { id: s.seller.id } })).stripeAccountId!;
  await control().completeOnboarding(accountId);
  return { accountId, events: await accountUpdates(accountId) };
}

/** account.updated events are the connected account's own: listed with its Stripe-Account header. */
async function accountUpdates(accountId: string) {
  return (
    await stripe().events.list({ type: "account.updated", limit: 100 }, { stripeAccount: accountId })
  ).data.reverse();
}

describe("a release for a seller without a payout account", () => {
  it("is parked with the reason and the fix, told once; account.updated resumes it and it pays once", async () => {
    const s = await sellerWithoutPayouts();
    const { orderId, checkoutId } = await paidOrder(s);
    expect(await queuedReleases(orderId)).toHaveLength(1);

    // The job confirmDelivery queued runs, twice (a retry): parked, not thrown.
    expect(await runQueuedReleases(orderId)).toEqual(["parked"]);
    const first = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(first).toMatchObject({
      status: "delivered",
      escrowStatus: "held",
      releaseBlockedCode: "no_payout_account",
      releaseBlockedReason: "The seller has not connected a payout account yet.",
      releaseAttempts: 1,
    });
    expect(await retryRelease(orderId)).toBe("parked");
    const second = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(second).toMatchObject({ releaseAttempts: 2, releaseBlockedAt: first.releaseBlockedAt });
    expect(await listParkedReleases({ sellerId: s.seller.id })).toEqual([
      expect.objectContaining({ orderId, amountCents: 8_500, code: "no_payout_account" }),
    ]);
    expect(await listParkedReleases({ sellerId: (await createSeller(db())).seller.id })).toEqual([]);
    expect(await transfersOf(checkoutId)).toHaveLength(0);

    // One email, with the fix; no "delivery confirmed, payment on its way" promise.
    const mail = await sellerMail(s.user.email);
    expect(mail.map((m) => m.template)).toEqual(["order-paid-seller", "release-blocked-no_payout_account"]);
    expect(mail[1].subject).toBe(`Connect payouts to receive $85.00 for order ${orderId.slice(0, 8)}`);
    expect(mail[1].body).toContain("What to do: Connect payouts on your Payments page");

    // The sweep leaves it alone while the seller has no account.
    await sweepParkedReleases({ now: new Date(Date.now() + 86_400_000) });
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("delivered");

    // The seller connects; Stripe's account.updated arrives twice.
    const { accountId, events } = await connectPayouts(s);
    expect(events.length).toBeGreaterThan(0);
    await deliver([...events, ...events]);
    expect(await queuedReleases(orderId)).toHaveLength(2);
    expect(await runQueuedReleases(orderId)).toEqual(["already_released", "released"]);

    const transfers = await transfersOf(checkoutId);
    expect(transfers.map((t) => [t.destination, t.amount])).toEqual([[accountId, 8_500]]);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "completed",
      escrowStatus: "released",
      releaseBlockedCode: null,
      releaseBlockedReason: null,
      releaseBlockedAt: null,
      releaseRetryAt: null,
    });
    expect(await db().ledgerEntry.count({ where: { orderId, entryType: "release" } })).toBe(1);
    expect(await accountBalance(db(), sellerPayable(s.seller.id), "USD")).toBe(8_500);
    expect(await listParkedReleases({ sellerId: s.seller.id })).toEqual([]);

    // "Paid" only now, after the transfer.
    const paid = (await sellerMail(s.user.email)).filter((m) => m.template === "order-completed-seller");
    expect(paid).toEqual([expect.objectContaining({ subject: `Paid: $85.00 for order ${orderId.slice(0, 8)}` })]);
  });

  it("returning from onboarding queues the waiting releases too, before the webhook arrives", async () => {
    const s = await sellerWithoutPayouts();
    const { orderId, checkoutId } = await paidOrder(s);
    expect(await retryRelease(orderId)).toBe("parked");
    await connectPayouts(s);
    await refreshSellerAccount({ sellerId: s.seller.id });
    expect(await runQueuedReleases(orderId)).toContain("released");
    expect(await transfersOf(checkoutId)).toHaveLength(1);
  });

  it("an admin's release decision on a dispute waits for the account as well, then pays", async () => {
    const s = await sellerWithoutPayouts();
    const { orderId, buyer, checkoutId } = await paidOrder(s, { deliver: false });
    await openDispute({ buyerId: buyer.id, orderId, input: { reason: "It looks different from the photos." } });
    const dispute = await db().dispute.findFirstOrThrow({ where: { orderId } });
    await resolveDispute({ disputeId: dispute.id, adminId, decision: "release", note: "As described" });
    expect(await db().dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({
      status: "resolved_released",
    });
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "disputed",
      releaseBlockedCode: "no_payout_account",
    });
    expect(await listParkedReleases({ sellerId: s.seller.id })).toHaveLength(1);

    await deliver((await connectPayouts(s)).events);
    expect(await runQueuedReleases(orderId)).toEqual(["released"]);
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("completed");
    expect(await transfersOf(checkoutId)).toHaveLength(1);
  });

  it("a release still disputed (no decision yet) is not resumed by the account", async () => {
    const s = await sellerWithoutPayouts();
    const { orderId, buyer } = await paidOrder(s);
    expect(await retryRelease(orderId)).toBe("parked");
    await openDispute({ buyerId: buyer.id, orderId, input: { reason: "Arrived broken, photos attached." } });
    expect(await listParkedReleases({ sellerId: s.seller.id })).toEqual([]);
    await deliver((await connectPayouts(s)).events);
    expect(await runQueuedReleases(orderId)).toEqual(["not_releasable", "not_releasable"]);
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).escrowStatus).toBe("held");
  });
});

describe("a payout account Stripe won't pay yet", () => {
  it("is parked when Stripe refuses the transfer; the refusal is not replayed once the account is enabled", async () => {
    // The shop believes its account works (a stale flag), but Stripe has not enabled it.
    const s = await createSeller(db());
    await startSellerOnboarding({ sellerId: s.seller.id, email: s.user.email, appUrl: "http://localhost:3000" });
    const accountId = (await db().sellerProfile.findUniqueOrThrow({ where: { id: s.seller.id } })).stripeAccountId!;
    await db().sellerProfile.update({ where: { id: s.seller.id }, data: { payoutsEnabled: true } });
    const { orderId, checkoutId } = await paidOrder(s);

    expect(await retryRelease(orderId)).toBe("parked");
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      releaseBlockedCode: "payouts_disabled",
      releaseBlockedReason: expect.stringContaining("can't receive payments yet"),
    });
    expect(await db().transfer.findFirstOrThrow({ where: { orderId } })).toMatchObject({
      status: "failed",
      keyVersion: 1,
    });
    expect((await sellerMail(s.user.email)).map((m) => m.template)).toContain("release-blocked-payouts_disabled");

    await control().completeOnboarding(accountId);
    const before = (await queuedReleases(orderId)).length;
    await deliver(await accountUpdates(accountId));
    expect(await queuedReleases(orderId)).toHaveLength(before + 1);
    expect(await runQueuedReleases(orderId)).toContain("released");
    expect(await db().transfer.findFirstOrThrow({ where: { orderId } })).toMatchObject({
      status: "paid",
      keyVersion: 1,
    });
    expect(await transfersOf(checkoutId)).toHaveLength(1);
  });
});

describe("resuming exactly once", () => {
  it("five concurrent resumes of one parked release make one transfer and one set of ledger entries", async () => {
    const s = await sellerWithoutPayouts();
    const { orderId, checkoutId } = await paidOrder(s);
    expect(await retryRelease(orderId)).toBe("parked");
    await connectPayouts(s);
    await refreshSellerAccount({ sellerId: s.seller.id });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => retryRelease(orderId)));
    expect(outcomes.filter((o) => o === "released")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "released").every((o) => o === "already_released")).toBe(true);
    expect(await transfersOf(checkoutId)).toHaveLength(1);
    expect(await db().transfer.count({ where: { orderId } })).toBe(1);
    expect(await db().ledgerEntry.count({ where: { orderId, entryType: { in: ["release", "commission"] } } })).toBe(2);
  });
});

describe("a Stripe error", () => {
  it("parks the release instead of failing the job; the sweep retries it when it is due and it pays once", async () => {
    const s = await onboardedSeller();
    const { orderId, checkoutId } = await paidOrder(s);
    // Stripe can't be reached (a dropped connection): the transfer may or may not exist, so
    // the key is kept for the retry.
    const unreachable = new Stripe("sk_test_marketplace_tests", {
      host: "127.0.0.1",
      port: await freePort(),
      protocol: "http",
      maxNetworkRetries: 0,
    });
    const sdk = globalThis as unknown as { stripe?: Stripe };
    const real = sdk.stripe;
    sdk.stripe = unreachable;
    let outcome;
    try {
      outcome = await retryRelease(orderId);
    } finally {
      sdk.stripe = real;
    }
    expect(outcome).toBe("parked");
    const parked = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(parked).toMatchObject({ status: "delivered", releaseBlockedCode: "stripe_error", releaseAttempts: 1 });
    expect(parked.releaseRetryAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await db().transfer.findFirstOrThrow({ where: { orderId } })).toMatchObject({
      status: "pending",
      keyVersion: 0,
    });
    expect((await sellerMail(s.user.email)).filter((m) => m.template === "release-blocked-stripe_error")).toHaveLength(
      1,
    );

    // Not due yet: the sweep leaves it. Due: it is paid, once, even if two sweeps overlap.
    expect((await sweepParkedReleases({ now: new Date() })).released).toBe(0);
    const later = new Date(parked.releaseRetryAt!.getTime() + 1000);
    const [a, b] = await Promise.all([sweepParkedReleases({ now: later }), sweepParkedReleases({ now: later })]);
    expect(a.released + b.released).toBe(1);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "completed",
      releaseBlockedCode: null,
    });
    expect(await transfersOf(checkoutId)).toHaveLength(1);
    expect((await sellerMail(s.user.email)).map((m) => m.template)).toContain("order-completed-seller");
  });

  it("a release already paid is not parked by a late failed attempt", async () => {
    const s = await onboardedSeller();
    const { orderId } = await paidOrder(s);
    expect(await releaseEscrow(orderId)).toBe("released");
    expect(await retryRelease(orderId)).toBe("already_released");
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).releaseBlockedCode).toBeNull();
  });
});
