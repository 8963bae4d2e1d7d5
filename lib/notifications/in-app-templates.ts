// What each domain event tells people in the app: one template per event that targets the
// in_app channel (catalogue.ts), loading what it needs and naming who hears it, the words and
// the link to the thing.
import type { Tx } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format-money";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";

import { backInStockText, findFavouriteAlert, priceDropText, stillBackInStock, stillCheaper } from "./favourite-alerts";

export type InAppNote = { userId: string; template: string; title: string; body: string; link: string };

type Template<N extends DomainEventName> = (tx: Tx, event: DomainEvents[N]) => Promise<InAppNote[]>;

const ORDER_SELECT = {
  id: true,
  totalCents: true,
  currency: true,
  buyerId: true,
  seller: { select: { shopName: true, userId: true } },
  items: { select: { titleSnapshot: true }, orderBy: { id: "asc" as const }, take: 1 },
  _count: { select: { items: true } },
} as const;

function itemsLabel(o: { items: { titleSnapshot: string }[]; _count: { items: number } }): string {
  const first = o.items[0]?.titleSnapshot ?? "your order";
  return o._count.items > 1 ? `${first} and ${o._count.items - 1} more` : first;
}

const orderPaid: Template<"order.paid"> = async (tx, e) => {
  const o = await tx.order.findUnique({ where: { id: e.orderId }, select: ORDER_SELECT });
  if (!o) return [];
  const ref = o.id.slice(0, 8);
  const total = formatMoney(o.totalCents, o.currency);
  return [
    {
      userId: o.buyerId,
      template: "order-paid-buyer",
      title: `Order confirmed: ${o.seller.shopName}`,
      body: `${itemsLabel(o)} (${total}). Order ${ref}.`,
      link: `/orders/${o.id}`,
    },
    {
      userId: o.seller.userId,
      template: "order-paid-seller",
      title: `New order ${ref}`,
      body: `${itemsLabel(o)} (${total}) is paid: ship it and add the tracking number.`,
      link: "/seller/orders",
    },
  ];
};

const orderShipped: Template<"order.shipped"> = async (tx, e) => {
  const o = await tx.order.findUnique({ where: { id: e.orderId }, select: ORDER_SELECT });
  if (!o) return [];
  return [
    {
      userId: o.buyerId,
      template: "order-shipped-buyer",
      title: `Shipped: your order from ${o.seller.shopName}`,
      body: `${itemsLabel(o)} is on its way. Confirm delivery when it arrives.`,
      link: `/orders/${o.id}`,
    },
  ];
};

const orderDelivered: Template<"order.delivered"> = async (tx, e) => {
  const o = await tx.order.findUnique({ where: { id: e.orderId }, select: ORDER_SELECT });
  if (!o) return [];
  return [
    {
      userId: o.seller.userId,
      template: "order-delivered-seller",
      title: `Delivered: order ${o.id.slice(0, 8)}`,
      body: `The buyer confirmed delivery of ${itemsLabel(o)}. Your payment is on its way.`,
      link: "/seller/payments",
    },
  ];
};

const listingApproved: Template<"listing.approved"> = async (tx, e) => {
  const p = await tx.product.findUnique({
    where: { id: e.productId },
    select: { id: true, title: true, seller: { select: { userId: true } } },
  });
  if (!p) return [];
  return [
    {
      userId: p.seller.userId,
      template: "listing-approved",
      title: "Your listing is live",
      body: `${p.title} passed moderation and buyers can find it now.`,
      link: `/products/${p.id}`,
    },
  ];
};

const listingRejected: Template<"listing.rejected"> = async (tx, e) => {
  const p = await tx.product.findUnique({
    where: { id: e.productId },
    select: { id: true, title: true, seller: { select: { userId: true } } },
  });
  if (!p) return [];
  return [
    {
      userId: p.seller.userId,
      template: "listing-rejected",
      title: "Your listing was not approved",
      body: `${p.title}: ${e.reason || "see the listing for the reason"}`.slice(0, 500),
      link: `/seller/products/${p.id}`,
    },
  ];
};

const reviewReceived: Template<"review.received"> = async (tx, e) => {
  const r = await tx.review.findUnique({
    where: { id: e.reviewId },
    select: {
      id: true,
      rating: true,
      productId: true,
      product: { select: { title: true, seller: { select: { userId: true } } } },
    },
  });
  if (!r) return [];
  return [
    {
      userId: r.product.seller.userId,
      template: "review-received",
      title: `New ${r.rating}-star review`,
      body: `A buyer reviewed ${r.product.title}.`,
      link: `/products/${r.productId}#reviews`,
    },
  ];
};

const messageSent: Template<"message.sent"> = async (tx, e) => {
  const m = await tx.message.findUnique({
    where: { id: e.messageId },
    select: {
      id: true,
      authorRole: true,
      body: true,
      conversation: {
        select: {
          id: true,
          subject: true,
          buyerId: true,
          buyer: { select: { name: true } },
          seller: { select: { shopName: true, userId: true } },
        },
      },
    },
  });
  if (!m) return [];
  const c = m.conversation;
  const toSeller = m.authorRole === "buyer";
  return [
    {
      userId: toSeller ? c.seller.userId : c.buyerId,
      template: "message-received",
      title: `New message from ${toSeller ? (c.buyer.name ?? "a buyer") : c.seller.shopName}`,
      body: `${c.subject}: ${m.body}`.slice(0, 300),
      link: toSeller ? `/seller/messages/${c.id}` : `/messages/${c.id}`,
    },
  ];
};

const backInStock: Template<"product.back_in_stock"> = async (tx, e) => {
  const alert = await findFavouriteAlert(tx, e.productId, stillBackInStock);
  if (!alert) return [];
  const text = backInStockText(alert.product, "");
  return alert.recipients.map((r) => ({
    userId: r.id,
    template: "back-in-stock",
    title: text.title,
    body: text.note,
    link: `/products/${alert.product.id}`,
  }));
};

const priceDropped: Template<"product.price_dropped"> = async (tx, e) => {
  const alert = await findFavouriteAlert(tx, e.productId, (p) => stillCheaper(p, e));
  if (!alert) return [];
  const text = priceDropText(alert.product, e, "");
  return alert.recipients.map((r) => ({
    userId: r.id,
    template: "price-drop",
    title: text.title,
    body: text.note,
    link: `/products/${alert.product.id}`,
  }));
};

/**
 * The in-app template per event. Partial on purpose: catalogue.int.test.ts fails when an event
 * whose catalogue entry targets in_app has none here.
 */
export const IN_APP_TEMPLATES: { [N in DomainEventName]?: Template<N> } = {
  "order.paid": orderPaid,
  "order.shipped": orderShipped,
  "order.delivered": orderDelivered,
  "listing.approved": listingApproved,
  "listing.rejected": listingRejected,
  "review.received": reviewReceived,
  "message.sent": messageSent,
  "product.back_in_stock": backInStock,
  "product.price_dropped": priceDropped,
};
