import { beforeAll, describe, expect, it } from "vitest";

import { resolveListingCase } from "@/lib/catalog/resolve-listing-case";
import { setListingSuspension } from "@/lib/catalog/set-listing-suspension";
import { decideClaim } from "@/lib/claims/decide-claim";
import { openClaim } from "@/lib/claims/open-claim";
import { db } from "@/lib/db/client";
import { runWithRequestContext } from "@/lib/log/request-context";
import { cancelOrder } from "@/lib/payments/cancel-order";
import { decideHeldOrder } from "@/lib/payments/decide-held-order";
import { openDispute } from "@/lib/payments/open-dispute";
import { releaseEscrow } from "@/lib/payments/release-escrow";
import { resolveDispute } from "@/lib/payments/resolve-dispute";
import { retryRelease } from "@/lib/payments/retry-release";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { reportReview } from "@/lib/reviews/moderate/report-review";
import { resolveReviewCase } from "@/lib/reviews/moderate/resolve-review-case";
import { restoreReview } from "@/lib/reviews/moderate/restore-review";
import { createReview } from "@/lib/reviews/write/create-review";
import { setAccountSuspension } from "@/lib/users/set-account-suspension";
import { endSessions } from "@/test/end-sessions";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
  shippedOrder,
} from "@/test/payment-scenario";

import { listAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";

// Where an admin's request came from, as the HTTP wrappers put it in the request context.
const FROM = { requestId: "req-audit-test-0001", ip: "203.0.113.7", userAgent: "AuditTest/1.0 (e2e)" };
const fromAdmin = <T>(fn: () => Promise<T>) => runWithRequestContext(FROM, fn);

let adminId: string;
let categoryId: number;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
  categoryId = (await createCategory(db())).id;
});

/** The one audit row of this action about this target (fails on none or several). */
async function theRow(action: string, targetId: string) {
  const rows = await db().auditEvent.findMany({ where: { action, targetId } });
  expect(rows, `${action} rows for ${targetId}`).toHaveLength(1);
  return rows[0];
}

const byAdmin = () => ({ actorRole: "admin", actorId: adminId, ...FROM });
const bySystem = { actorRole: "system", actorId: null, ip: null, userAgent: null, requestId: null };

/** A 40.00 order, paid, shipped and delivered (not yet released). */
const deliveredOrder = () => shippedOrder();

describe("the audit log is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await recordAuditEvent(db(), {
      actor: { role: "admin", id: adminId },
      action: "account.suspended",
      target: { type: "user", id: "append-only-check" },
    });
    const row = await theRow("account.suspended", "append-only-check");
    await expect(
      db().$executeRaw`UPDATE audit_events SET action = 'account.reinstated' WHERE id = ${row.id}::uuid`,
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(db().$executeRaw`DELETE FROM audit_events WHERE id = ${row.id}::uuid`).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(db().$executeRawUnsafe("TRUNCATE audit_events")).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await db().auditEvent.findUnique({ where: { id: row.id } })).toMatchObject({ action: "account.suspended" });
  });
});

describe("admin decisions", () => {
  it("suspending and reinstating an account: one row each, with who and from where", async () => {
    const person = await createUser(db());
    await fromAdmin(() =>
      setAccountSuspension({ userId: person.id, adminId, endSessions, suspend: true, reason: "Chargeback ring" }),
    );
    await fromAdmin(() => setAccountSuspension({ userId: person.id, adminId, endSessions, suspend: false }));
    // Already active: no decision, no row.
    await fromAdmin(() => setAccountSuspension({ userId: person.id, adminId, endSessions, suspend: false }));
    expect(await theRow("account.suspended", person.id)).toMatchObject({
      ...byAdmin(),
      targetType: "user",
      details: { reason: "Chargeback ring", sellerId: null },
    });
    expect(await theRow("account.reinstated", person.id)).toMatchObject({ ...byAdmin(), targetType: "user" });
  });

  it("a listing's moderation decision, its suspension and its reinstatement", async () => {
    const { seller } = await createSeller(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    await db().product.update({ where: { id: product.id }, data: { status: "pending_review" } });
    const c = await db().moderationCase.create({
      data: { subjectType: "product", subjectId: product.id, productId: product.id, reasons: [] },
    });
    await fromAdmin(() => resolveListingCase({ caseId: c.id, adminId, input: { decision: "approve" } }));
    await fromAdmin(() =>
      setListingSuspension({ productId: product.id, adminId, suspend: true, reason: "Counterfeit brand" }),
    );
    await fromAdmin(() => setListingSuspension({ productId: product.id, adminId, suspend: false }));
    expect(await theRow("listing.case_resolved", product.id)).toMatchObject({
      ...byAdmin(),
      targetType: "product",
      details: { caseId: c.id, decision: "approve", status: "active" },
    });
    expect(await theRow("listing.suspended", product.id)).toMatchObject({
      ...byAdmin(),
      details: { reason: "Counterfeit brand", status: "suspended" },
    });
    expect(await theRow("listing.reinstated", product.id)).toMatchObject({
      ...byAdmin(),
      details: { status: "active" },
    });
  });

  it("a review hidden by moderation, then restored", async () => {
    const { seller } = await createSeller(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const buyer = await createUser(db());
    const order = await createOrder(db(), { buyerId: buyer.id, sellerId: seller.id, productIds: [product.id] });
    const { reviewId } = await createReview({
      buyerId: buyer.id,
      orderId: order.id,
      input: { rating: 1, title: "Bad", body: "Visit my shop instead" },
    });
    const { caseId } = await reportReview({
      reporterId: (await createUser(db())).id,
      reviewId,
      input: { reason: "Advertises another shop" },
    });
    await fromAdmin(() => resolveReviewCase({ caseId, adminId, input: { decision: "hide", note: "Advertising" } }));
    await fromAdmin(() => restoreReview({ caseId, adminId, note: "Appeal upheld" }));
    expect(await theRow("review.case_resolved", reviewId)).toMatchObject({
      ...byAdmin(),
      targetType: "review",
      details: { caseId, decision: "hide", note: "Advertising" },
    });
    expect(await theRow("review.restored", reviewId)).toMatchObject({
      ...byAdmin(),
      details: { caseId, note: "Appeal upheld" },
    });
  });

  it("a held payment cleared to ship", async () => {
    const { seller } = await createSeller(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const buyer = await createUser(db());
    const order = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: seller.id,
      productIds: [product.id],
      status: "paid",
    });
    const c = await db().moderationCase.create({ data: { subjectType: "order", subjectId: order.id, reasons: [] } });
    await fromAdmin(() => decideHeldOrder({ caseId: c.id, adminId, decision: "clear", note: "Known customer" }));
    expect(await theRow("payment_review.decided", order.id)).toMatchObject({
      ...byAdmin(),
      targetType: "order",
      details: { caseId: c.id, decision: "clear", note: "Known customer" },
    });
  });
});

describe("money", () => {
  it("a release by the worker is the system's; an admin's retry of it and a payout run are the admin's", async () => {
    const o = await deliveredOrder();
    expect(await releaseEscrow(o.orderId)).toBe("released");
    expect(await theRow("escrow.released", o.orderId)).toMatchObject({
      ...bySystem,
      targetType: "order",
      details: { sellerId: o.s.seller.id, amountCents: 3_400, commissionCents: 600, currency: "USD" },
    });

    expect(await fromAdmin(() => retryRelease(o.orderId, { role: "admin", id: adminId }))).toBe("already_released");
    expect(await theRow("release.retried", o.orderId)).toMatchObject({
      ...byAdmin(),
      details: { outcome: "already_released" },
    });
    // The retry released nothing: still one release row.
    await theRow("escrow.released", o.orderId);

    const day = "2031-01-15";
    await fromAdmin(() => runDailyPayouts({ day, actor: { role: "admin", id: adminId } }));
    expect(await theRow("payout.created", o.s.seller.id)).toMatchObject({
      ...byAdmin(),
      targetType: "seller",
      details: { amountCents: 3_400, currency: "USD", payoutKey: `payout:${o.s.seller.id}:USD:${day}` },
    });
    expect(await theRow("payouts.run", day)).toMatchObject({ ...byAdmin(), targetType: "payout_run" });
  });

  it("a claim refunded by an admin: the decision and the refund, one row each", async () => {
    const o = await deliveredOrder();
    const { claimId } = await openClaim({
      buyerId: o.buyer.id,
      orderId: o.orderId,
      input: { kind: "damaged", description: "The lid arrived cracked in two." },
    });
    await fromAdmin(() =>
      decideClaim({ claimId, adminId, input: { decision: "refund_full", note: "Photos show it" } }),
    );
    const refund = await db().refund.findFirstOrThrow({ where: { orderId: o.orderId } });
    expect(await theRow("claim.decided", claimId)).toMatchObject({
      ...byAdmin(),
      targetType: "claim",
      details: { orderId: o.orderId, decision: "refund_full", refundId: refund.id, refundedCents: 4_000 },
    });
    expect(await theRow("refund.issued", o.orderId)).toMatchObject({
      ...byAdmin(),
      targetType: "order",
      details: { refundId: refund.id, kind: "claim", key: `claim:${claimId}`, amountCents: 4_000, currency: "USD" },
    });
  });

  it("a claim rejected: the decision only, no refund", async () => {
    const o = await deliveredOrder();
    const { claimId } = await openClaim({
      buyerId: o.buyer.id,
      orderId: o.orderId,
      input: { kind: "damaged", description: "The lid arrived cracked in two." },
    });
    await fromAdmin(() => decideClaim({ claimId, adminId, input: { decision: "reject", note: "Damage is wear" } }));
    expect(await theRow("claim.decided", claimId)).toMatchObject({ ...byAdmin(), details: { decision: "reject" } });
    expect(await db().auditEvent.count({ where: { action: "refund.issued", targetId: o.orderId } })).toBe(0);
  });

  it("a dispute resolved with a refund", async () => {
    const o = await deliveredOrder();
    await openDispute({ buyerId: o.buyer.id, orderId: o.orderId, input: { reason: "Not what was described" } });
    const dispute = await db().dispute.findFirstOrThrow({ where: { orderId: o.orderId } });
    await fromAdmin(() =>
      resolveDispute({ disputeId: dispute.id, adminId, decision: "refund", note: "Seller agreed" }),
    );
    const refund = await db().refund.findFirstOrThrow({ where: { orderId: o.orderId } });
    expect(await theRow("dispute.resolved", dispute.id)).toMatchObject({
      ...byAdmin(),
      targetType: "dispute",
      details: { orderId: o.orderId, decision: "refund", refundId: refund.id },
    });
    expect(await theRow("refund.issued", o.orderId)).toMatchObject({ ...byAdmin(), details: { kind: "dispute" } });
  });

  it("a buyer's cancellation is the buyer's refund, from the buyer's request", async () => {
    const s = await onboardedSeller();
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 2_500 }] });
    const orderId = checkout.orders[0].order_id;
    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    await deliver(await eventsAbout([pi.id]));
    const from = { requestId: "req-buyer-cancel-01", ip: "198.51.100.4", userAgent: "Buyer/2.0" };
    await runWithRequestContext(from, () => cancelOrder({ orderId, by: "buyer", buyerId: buyer.id }));
    expect(await theRow("refund.issued", orderId)).toMatchObject({
      actorRole: "buyer",
      actorId: buyer.id,
      ...from,
      details: { kind: "cancellation", key: `cancel:${orderId}`, amountCents: 2_500 },
    });
  });
});

describe("listAuditEvents", () => {
  it("filters by actor, action, target and day, newest first, and ignores filters that don't parse", async () => {
    const other = (await createUser(db(), { role: "admin" })).id;
    const target = crypto.randomUUID();
    for (const [actor, action] of [
      [other, "account.suspended"],
      [other, "account.reinstated"],
      [adminId, "account.suspended"],
    ] as const)
      await recordAuditEvent(db(), {
        actor: { role: "admin", id: actor },
        action,
        target: { type: "user", id: target },
      });

    const all = await listAuditEvents({ targetType: "user", targetId: target });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.action)).toEqual(["account.suspended", "account.reinstated", "account.suspended"]);
    expect(all.rows[0].actorEmail).toMatch(/@example\.test$/);

    expect((await listAuditEvents({ targetId: target, actor: other })).total).toBe(2);
    expect((await listAuditEvents({ targetId: target, actor: other, action: "account.reinstated" })).total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents({ targetId: target, from: today, to: today })).total).toBe(3);
    expect((await listAuditEvents({ targetId: target, to: "2020-01-01" })).total).toBe(0);
    const junk = await listAuditEvents({
      targetId: target,
      actor: "nobody",
      action: "drop table",
      from: "yesterday",
      page: "x",
    });
    expect(junk).toMatchObject({ total: 3, query: { page: 1, actor: undefined, action: undefined, from: undefined } });
  });
});
