import { createHmac } from "node:crypto";

import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";

import { POST as carrierWebhook } from "@/app/api/webhooks/carrier/route";
import { db } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { createCategory, createProduct, createReadyUpload, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import { runDomainEvents } from "@/test/run-domain-events";
import { CarrierSimulatorControl } from "@/tools/carrier-simulator/control";

import { acceptReturn } from "./accept-return";
import { cancelReturn } from "./cancel-return";
import { declineReturn } from "./decline-return";
import { escalateReturn } from "./escalate-return";
import { getReturnLabel } from "./get-return-label";
import { issueReturnLabel } from "./issue-return-label";
import { listOrderReturns } from "./list-order-returns";
import { pollReturnTracking } from "./poll-return-tracking";
import { requestReturn } from "./request-return";
import { resolveEscalatedReturn } from "./resolve-escalated-return";
import type { TRequestReturnInput } from "./return-input";
import { syncReturnTracking } from "./sync-return-tracking";

const DAY = 86_400_000;
const carrier = () => new CarrierSimulatorControl(process.env.CARRIER_API_URL!);
const sellerAddress = {
  fullName: "Sam Seller",
  line1: "1 Kiln Road",
  city: "Portland",
  region: "OR",
  postalCode: "97201",
  country: "US",
};

let categoryId: number;
let adminId: string;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
  adminId = (await createUser(db(), { role: "admin" })).id;
});

/** A seller and a buyer whose order of two products (2 of the first, 1 of the second) is in `status`. */
async function scenario(opts: { status?: OrderStatus; deliveredAt?: Date | null } = {}) {
  const { seller, user: sellerUser } = await createSeller(db());
  const products = [
    await createProduct(db(), { sellerId: seller.id, categoryId }),
    await createProduct(db(), { sellerId: seller.id, categoryId }),
  ];
  const buyer = await createUser(db());
  const order = await createOrder(db(), {
    buyerId: buyer.id,
    sellerId: seller.id,
    productIds: products.map((p) => p.id),
    status: opts.status,
    deliveredAt: opts.deliveredAt,
  });
  await db().orderItem.update({ where: { id: order.items[0].id }, data: { quantity: 2 } });
  await db().order.update({
    where: { id: order.id },
    data: {
      shippingAddress: {
        fullName: "Ivy Buyer",
        line1: "9 Elm Street",
        city: "Denver",
        postalCode: "80202",
        country: "US",
      },
      subtotalCents: 3000,
      totalCents: 3000,
      platformFeeCents: 450,
    },
  });
  const [first, second] = order.items;
  return { seller, sellerUser, buyer, order, first, second };
}

const seller = (s: Awaited<ReturnType<typeof scenario>>) => ({
  type: "seller" as const,
  sellerId: s.seller.id,
  userId: s.sellerUser.id,
});

async function returnPhoto(userId: string) {
  const u = await createReadyUpload(db(), userId);
  return db().upload.update({ where: { id: u.id }, data: { purpose: "return_image" } });
}

async function accepted() {
  const s = await scenario();
  const { returnId } = await requestReturn({
    buyerId: s.buyer.id,
    orderId: s.order.id,
    input: { items: [{ order_item_id: s.first.id, quantity: 1 }], reason: "damaged" },
  });
  const { trackingNumber } = await acceptReturn({ returnId, by: seller(s), address: sellerAddress });
  return { ...s, returnId, trackingNumber: trackingNumber! };
}

describe("asking for a return", () => {
  it("a buyer returns some of a delivered order's items with a reason, note and photos; the seller is emailed", async () => {
    const s = await scenario();
    const photo = await returnPhoto(s.buyer.id);
    const { returnId } = await requestReturn({
      buyerId: s.buyer.id,
      orderId: s.order.id,
      input: {
        items: [{ order_item_id: s.first.id, quantity: 1 }],
        reason: "not_as_described",
        note: "The glaze is blue, not green.",
        images: [photo.id],
      },
    });
    const r = await db().return.findUniqueOrThrow({
      where: { id: returnId },
      include: { items: true, images: true, changes: true },
    });
    expect(r).toMatchObject({
      orderId: s.order.id,
      status: "requested",
      reason: "not_as_described",
      note: "The glaze is blue, not green.",
    });
    expect(r.items.map((i) => [i.orderItemId, i.quantity, i.open])).toEqual([[s.first.id, 1, true]]);
    expect(r.images.map((i) => i.uploadId)).toEqual([photo.id]);
    expect(r.changes.map((c) => [c.fromStatus, c.toStatus, c.actorType])).toEqual([[null, "requested", "buyer"]]);
    await runDomainEvents(); // the emails are written by the worker from the outbox
    const mail = await db().notification.findMany({ where: { dedupeKey: { startsWith: `return:${returnId}:` } } });
    expect(mail.map((m) => [m.template, m.toAddress])).toEqual([["return-requested-seller", s.sellerUser.email]]);
    // The rest of that item stays returnable; the item in the open return can't be asked for again.
    const view = await listOrderReturns({ orderId: s.order.id, userId: s.buyer.id });
    expect(view.returnable.map((i) => [i.id, i.returnable, i.openReturnId])).toEqual([
      [s.first.id, 1, returnId],
      [s.second.id, 1, null],
    ]);
  });

  it("completed orders (seller already paid) can be returned too", async () => {
    const s = await scenario({ status: "completed" });
    await expect(
      requestReturn({
        buyerId: s.buyer.id,
        orderId: s.order.id,
        input: { items: [{ order_item_id: s.second.id, quantity: 1 }], reason: "changed_mind" },
      }),
    ).resolves.toHaveProperty("returnId");
  });

  it("refuses more than was bought, items of other orders, duplicates and bad input, writing nothing", async () => {
    const s = await scenario();
    const other = await scenario();
    // Deliberately bad inputs, as a hand-made request could send them: the domain still parses its input.
    const ask = (input: object) =>
      requestReturn({ buyerId: s.buyer.id, orderId: s.order.id, input: input as TRequestReturnInput });
    await expect(ask({ items: [{ order_item_id: s.first.id, quantity: 3 }], reason: "damaged" })).rejects.toMatchObject(
      { status: 400, message: expect.stringContaining("at most 2") },
    );
    await expect(
      ask({ items: [{ order_item_id: other.first.id, quantity: 1 }], reason: "damaged" }),
    ).rejects.toMatchObject({ status: 400, message: "That item is not part of this order." });
    await expect(
      ask({
        items: [
          { order_item_id: s.first.id, quantity: 1 },
          { order_item_id: s.first.id, quantity: 1 },
        ],
        reason: "damaged",
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(ask({ items: [], reason: "damaged" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("at least one item"),
    });
    await expect(ask({ items: [{ order_item_id: s.first.id, quantity: 0 }], reason: "damaged" })).rejects.toMatchObject(
      { status: 400 },
    );
    await expect(ask({ items: [{ order_item_id: s.first.id, quantity: 1 }], reason: "bored" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("Choose why"),
    });
    const stranger = await returnPhoto(other.buyer.id);
    await expect(
      ask({ items: [{ order_item_id: s.first.id, quantity: 1 }], reason: "damaged", images: [stranger.id] }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("Photo 1 was not found") });
    expect(await db().return.count({ where: { orderId: s.order.id } })).toBe(0);
  });

  it("someone else's order is not found; an undelivered order or one past the window is refused", async () => {
    const s = await scenario();
    const stranger = await createUser(db());
    const input = { items: [{ order_item_id: s.first.id, quantity: 1 }], reason: "damaged" as const };
    await expect(requestReturn({ buyerId: stranger.id, orderId: s.order.id, input })).rejects.toMatchObject({
      status: 404,
    });
    await expect(requestReturn({ buyerId: s.seller.userId, orderId: s.order.id, input })).rejects.toMatchObject({
      status: 404,
    });
    const shipped = await scenario({ status: "shipped" });
    await expect(
      requestReturn({
        buyerId: shipped.buyer.id,
        orderId: shipped.order.id,
        input: { ...input, items: [{ order_item_id: shipped.first.id, quantity: 1 }] },
      }),
    ).rejects.toMatchObject({ status: 409, message: "Items can be returned once the order is delivered." });
    const old = await scenario({ status: "completed", deliveredAt: new Date(Date.now() - 31 * DAY) });
    await expect(
      requestReturn({
        buyerId: old.buyer.id,
        orderId: old.order.id,
        input: { ...input, items: [{ order_item_id: old.first.id, quantity: 1 }] },
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("up to 30 days after delivery") });
  });

  it("one open return per item: a second is refused (also when two race), a withdrawn one frees it", async () => {
    const s = await scenario();
    const input = { items: [{ order_item_id: s.first.id, quantity: 1 }], reason: "changed_mind" as const };
    const raced = await Promise.allSettled(
      [0, 1, 2].map(() => requestReturn({ buyerId: s.buyer.id, orderId: s.order.id, input })),
    );
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(raced.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.status)).toEqual(
      [409, 409],
    );
    const first = (raced.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ returnId: string }>).value
      .returnId;
    await cancelReturn({ buyerId: s.buyer.id, returnId: first });
    expect(await db().returnItem.findFirstOrThrow({ where: { returnId: first } })).toMatchObject({ open: false });
    // Both units are returnable again.
    await expect(
      requestReturn({
        buyerId: s.buyer.id,
        orderId: s.order.id,
        input: { ...input, items: [{ order_item_id: s.first.id, quantity: 2 }] },
      }),
    ).resolves.toHaveProperty("returnId");
  });
});

describe("the seller's decision and the label", () => {
  it("accepting gets a label from the carrier: the buyer is emailed the link, and the PDF carries the tracking number", async () => {
    const s = await accepted();
    expect(s.trackingNumber).toMatch(/^SIM\d{13}$/);
    const r = await db().return.findUniqueOrThrow({ where: { id: s.returnId } });
    expect(r).toMatchObject({
      status: "accepted",
      carrier: "SimPost",
      trackingNumber: s.trackingNumber,
      returnAddress: expect.objectContaining({ fullName: "Sam Seller", city: "Portland" }),
    });
    await runDomainEvents(); // the emails are written by the worker from the outbox
    const mail = await db().notification.findFirstOrThrow({
      where: { dedupeKey: `return:${s.returnId}:label_ready:buyer` },
    });
    expect(mail.body).toContain(`/api/v1/returns/${s.returnId}/label`);
    expect(mail.body).toContain(s.trackingNumber);
    // Issuing again (the job after the direct call, a double click) changes nothing.
    expect(await issueReturnLabel(s.returnId)).toEqual({ outcome: "already_issued", trackingNumber: s.trackingNumber });
    await acceptReturn({ returnId: s.returnId, by: seller(s) });
    expect(
      await db().notification.count({ where: { dedupeKey: { startsWith: `return:${s.returnId}:label_ready` } } }),
    ).toBe(1);

    for (const viewer of [
      { userId: s.buyer.id },
      { userId: s.sellerUser.id, sellerId: s.seller.id },
      { userId: adminId, isAdmin: true },
    ]) {
      const { pdf, fileName } = await getReturnLabel({ returnId: s.returnId, ...viewer });
      expect(fileName).toBe(`return-label-${s.trackingNumber}.pdf`);
      expect((await PDFDocument.load(pdf)).getTitle()).toBe(`Return label ${s.trackingNumber}`);
    }
    const other = await createSeller(db());
    await expect(
      getReturnLabel({ returnId: s.returnId, userId: other.user.id, sellerId: other.seller.id }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(getReturnLabel({ returnId: s.returnId, userId: (await createUser(db())).id })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("the first address given becomes the seller's; without one the seller is asked for it; other sellers can't decide", async () => {
    const s = await scenario();
    const { returnId } = await requestReturn({
      buyerId: s.buyer.id,
      orderId: s.order.id,
      input: { items: [{ order_item_id: s.second.id, quantity: 1 }], reason: "wrong_item" },
    });
    const other = await createSeller(db());
    await expect(
      acceptReturn({
        returnId,
        by: { type: "seller", sellerId: other.seller.id, userId: other.user.id },
        address: sellerAddress,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(acceptReturn({ returnId, by: seller(s) })).rejects.toMatchObject({
      status: 400,
      message: "Enter the address the parcel should come back to.",
    });
    await expect(
      acceptReturn({ returnId, by: seller(s), address: { ...sellerAddress, postalCode: "" } }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await db().return.findUniqueOrThrow({ where: { id: returnId } })).status).toBe("requested");
    await acceptReturn({ returnId, by: seller(s), address: sellerAddress });
    expect(await db().address.findFirstOrThrow({ where: { userId: s.sellerUser.id } })).toMatchObject({
      line1: "1 Kiln Road",
      isDefault: true,
    });
    // The next return goes to the saved address without asking.
    const next = await requestReturn({
      buyerId: s.buyer.id,
      orderId: s.order.id,
      input: { items: [{ order_item_id: s.first.id, quantity: 1 }], reason: "changed_mind" },
    });
    expect((await acceptReturn({ returnId: next.returnId, by: seller(s) })).trackingNumber).toMatch(/^SIM/);
  });

  it("a declined return can be escalated; an admin upholds the decline or accepts it with a note", async () => {
    const s = await scenario();
    const ask = (id: string) =>
      requestReturn({
        buyerId: s.buyer.id,
        orderId: s.order.id,
        input: { items: [{ order_item_id: id, quantity: 1 }], reason: "damaged" },
      });
    const a = await ask(s.first.id);
    const b = await ask(s.second.id);
    await expect(
      declineReturn({ sellerId: s.seller.id, actorId: s.sellerUser.id, returnId: a.returnId, input: { reason: "no" } }),
    ).rejects.toMatchObject({ status: 400 });
    for (const r of [a, b])
      await declineReturn({
        sellerId: s.seller.id,
        actorId: s.sellerUser.id,
        returnId: r.returnId,
        input: { reason: "The photos show it was used." },
      });
    await runDomainEvents(); // the emails are written by the worker from the outbox
    expect(await db().notification.count({ where: { dedupeKey: `return:${a.returnId}:declined:buyer` } })).toBe(1);
    await expect(acceptReturn({ returnId: a.returnId, by: seller(s), address: sellerAddress })).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      escalateReturn({
        buyerId: (await createUser(db())).id,
        returnId: a.returnId,
        input: { note: "It arrived broken, see photos." },
      }),
    ).rejects.toMatchObject({ status: 404 });
    for (const r of [a, b])
      await escalateReturn({
        buyerId: s.buyer.id,
        returnId: r.returnId,
        input: { note: "It arrived broken, see photos." },
      });
    // The seller's wrong decision can't be undone by the seller.
    await expect(acceptReturn({ returnId: a.returnId, by: seller(s), address: sellerAddress })).rejects.toMatchObject({
      status: 409,
    });

    await resolveEscalatedReturn({
      adminId,
      returnId: a.returnId,
      input: { decision: "uphold", note: "Signs of use in the photos." },
    });
    expect(await db().return.findUniqueOrThrow({ where: { id: a.returnId }, include: { items: true } })).toMatchObject({
      status: "rejected",
      adminNote: "Signs of use in the photos.",
      items: [expect.objectContaining({ open: false })],
    });
    await runDomainEvents(); // the emails are written by the worker from the outbox
    expect(
      await db().notification.count({ where: { dedupeKey: { startsWith: `return:${a.returnId}:rejected:` } } }),
    ).toBe(2);

    const decided = await resolveEscalatedReturn({
      adminId,
      returnId: b.returnId,
      input: { decision: "accept", note: "Damage is visible." },
      address: sellerAddress,
    });
    expect(decided.trackingNumber).toMatch(/^SIM/);
    const r = await db().return.findUniqueOrThrow({
      where: { id: b.returnId },
      include: { changes: { orderBy: { createdAt: "asc" } } },
    });
    expect(r.changes.map((c) => `${c.toStatus}:${c.actorType}`)).toEqual([
      "requested:buyer",
      "declined:seller",
      "escalated:buyer",
      "accepted:admin",
    ]);
    await runDomainEvents(); // the emails are written by the worker from the outbox
    expect(await db().notification.count({ where: { dedupeKey: `return:${b.returnId}:accepted:seller` } })).toBe(1);
    await expect(
      resolveEscalatedReturn({
        adminId,
        returnId: b.returnId,
        input: { decision: "uphold", note: "Changed my mind." },
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("withdrawing an accepted return", () => {
  it("voids its label and frees its items", async () => {
    const s = await accepted();
    await cancelReturn({ buyerId: s.buyer.id, returnId: s.returnId });
    await expect(getReturnLabel({ returnId: s.returnId, userId: s.buyer.id })).rejects.toMatchObject({
      status: 409,
      message: "This return was withdrawn; its label is no longer valid.",
    });
    expect((await listOrderReturns({ orderId: s.order.id, userId: s.buyer.id })).returns[0]).toMatchObject({
      status: "cancelled",
      labelUrl: null,
    });
    await expect(
      requestReturn({
        buyerId: s.buyer.id,
        orderId: s.order.id,
        input: { items: [{ order_item_id: s.first.id, quantity: 2 }], reason: "changed_mind" },
      }),
    ).resolves.toHaveProperty("returnId");
  });
});

describe("tracking the parcel back", () => {
  it("the carrier's in_transit and delivered reach the return; repeats change nothing", async () => {
    const s = await accepted();
    expect(await syncReturnTracking({ trackingNumber: s.trackingNumber })).toBe("unchanged");
    await carrier().advance(s.trackingNumber);
    expect(await syncReturnTracking({ trackingNumber: s.trackingNumber })).toBe("moved");
    expect((await db().return.findUniqueOrThrow({ where: { id: s.returnId } })).status).toBe("in_transit");
    // The buyer can't withdraw a parcel already on its way.
    await expect(cancelReturn({ buyerId: s.buyer.id, returnId: s.returnId })).rejects.toMatchObject({ status: 409 });
    const parcel = await carrier().advance(s.trackingNumber, "delivered");
    expect(await syncReturnTracking({ trackingNumber: s.trackingNumber })).toBe("moved");
    expect(await syncReturnTracking({ trackingNumber: s.trackingNumber })).toBe("unchanged");
    expect(await db().return.findUniqueOrThrow({ where: { id: s.returnId } })).toMatchObject({
      status: "delivered",
      carrierDeliveredAt: new Date(parcel.delivered_at!),
    });
    expect(await syncReturnTracking({ trackingNumber: "SIM0000000000000" })).toBe("no_return");
  });

  it("the webhook is checked on the raw body and only nudges a re-read; the poll catches what a lost webhook missed", async () => {
    const s = await accepted();
    const body = JSON.stringify({
      id: "evt_1",
      type: "tracking.updated",
      created: 1,
      data: { tracking_number: s.trackingNumber, status: "delivered" },
    });
    const sign = (b: string) => {
      const t = Math.floor(Date.now() / 1000);
      return `t=${t},v1=${createHmac("sha256", process.env.CARRIER_WEBHOOK_SECRET!).update(`${t}.${b}`).digest("hex")}`;
    };
    const post = (b: string, signature: string) =>
      carrierWebhook(
        new Request("http://localhost/api/webhooks/carrier", {
          method: "POST",
          headers: { "carrier-signature": signature },
          body: b,
        }),
      );
    expect((await post(body, sign(body.replace("evt_1", "evt_2")))).status).toBe(400);
    // Signed, but the carrier says the parcel only has a label: the claim in the body is not believed.
    const nudge = await post(body, sign(body));
    expect(await nudge.json()).toEqual({ received: true, outcome: "unchanged" });
    expect((await db().return.findUniqueOrThrow({ where: { id: s.returnId } })).status).toBe("accepted");
    await carrier().advance(s.trackingNumber, "in_transit");
    expect(await (await post(body, sign(body))).json()).toEqual({ received: true, outcome: "moved" });

    await carrier().advance(s.trackingNumber, "delivered");
    const polled = await pollReturnTracking();
    expect(polled.moved).toBeGreaterThanOrEqual(1);
    expect((await db().return.findUniqueOrThrow({ where: { id: s.returnId } })).status).toBe("delivered");
  });
});
