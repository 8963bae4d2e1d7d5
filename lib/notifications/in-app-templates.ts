// What each domain event tells people in the app: one template per event that targets the
// in_app channel (catalogue.ts), loading what it needs and naming who hears it, the words and
// the link to the thing.
import { describeDevice } from "@/lib/auth/describe-device";
import type { Tx } from "@/lib/db/client";
import { date, money, t } from "@/lib/mail/i18n/translate";
import { formatMoney } from "@/lib/money/format-money";
import { openHoldCase } from "@/lib/orders/open-hold-case";
import type { DomainEventName, DomainEvents, ReturnMoved } from "@/lib/outbox/events";

import { backInStockText, findFavouriteAlert, priceDropText, stillBackInStock, stillCheaper } from "./favourite-alerts";
import { localeOf } from "./recipient";

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
  // A held order's seller hears "don't ship yet" from order.held instead of "ship it".
  const held = (await openHoldCase(tx, o.id)) !== null;
  return [
    {
      userId: o.buyerId,
      template: "order-paid-buyer",
      title: `Order confirmed: ${o.seller.shopName}`,
      body: `${itemsLabel(o)} (${total}). Order ${ref}.`,
      link: `/orders/${o.id}`,
    },
    ...(held
      ? []
      : [
          {
            userId: o.seller.userId,
            template: "order-paid-seller",
            title: `New order ${ref}`,
            body: `${itemsLabel(o)} (${total}) is paid: ship it and add the tracking number.`,
            link: "/seller/orders",
          },
        ]),
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

// The templates below read their words from the per-locale catalogue (lib/mail/i18n), in the
// recipient's language.
const USER_LOCALE = { select: { id: true, locale: true } } as const;

const orderHeld: Template<"order.held"> = async (tx, e) => {
  const o = await tx.order.findUnique({
    where: { id: e.orderId },
    select: { id: true, seller: { select: { user: USER_LOCALE } } },
  });
  if (!o) return [];
  const locale = localeOf(o.seller.user);
  const ref = o.id.slice(0, 8);
  return [
    {
      userId: o.seller.user.id,
      template: "order-held-seller",
      title: t(locale, "held.inApp.title", { ref }),
      body: t(locale, "held.inApp.body"),
      link: "/seller/orders",
    },
  ];
};

const lowStock: Template<"product.low_stock"> = async (tx, e) => {
  const p = await tx.product.findUnique({
    where: { id: e.productId },
    select: { id: true, title: true, seller: { select: { user: USER_LOCALE } } },
  });
  if (!p) return [];
  const locale = localeOf(p.seller.user);
  const values = { title: p.title, count: e.inventoryCount, threshold: e.threshold };
  return [
    {
      userId: p.seller.user.id,
      template: "low-stock",
      title: t(locale, "lowStock.inApp.title", values).slice(0, 300),
      body: t(locale, "lowStock.inApp.body", values),
      link: "/seller/inventory",
    },
  ];
};

const payoutSent: Template<"payout.sent"> = async (tx, e) => {
  const p = await tx.payout.findFirst({
    where: { id: e.payoutId, sellerId: e.sellerId },
    select: {
      amountCents: true,
      currency: true,
      createdAt: true,
      arrivalDate: true,
      seller: { select: { user: USER_LOCALE } },
    },
  });
  if (!p) return [];
  const locale = localeOf(p.seller.user);
  const amount = money(locale, p.amountCents, p.currency);
  const arrival = date(locale, p.arrivalDate ?? p.createdAt);
  return [
    {
      userId: p.seller.user.id,
      template: "payout-sent",
      title: t(locale, "payout.inApp.title", { amount }),
      body: t(locale, "payout.inApp.body", { amount, arrival }),
      link: "/seller/payments",
    },
  ];
};

type ReturnStep = "requested" | "label_ready" | "accepted" | "declined" | "escalated" | "rejected" | "refunded";

// Who hears each step of a return in the app: the same people its emails go to (lib/returns).
const RETURN_AUDIENCE: Record<ReturnStep, readonly ("buyer" | "seller")[]> = {
  requested: ["seller"],
  label_ready: ["buyer"],
  accepted: ["seller"],
  declined: ["buyer"],
  escalated: ["seller"],
  rejected: ["buyer", "seller"],
  refunded: ["buyer", "seller"],
};

function returnStep(step: ReturnStep): Template<`return.${ReturnStep}`> {
  return async (tx, e: ReturnMoved) => {
    // The marketplace accepting an escalated return is news to the seller; a seller's own accept is not.
    if (step === "accepted" && e.from !== "escalated") return [];
    const r = await tx.return.findUnique({
      where: { id: e.returnId },
      select: {
        refundedCents: true,
        order: {
          select: {
            id: true,
            currency: true,
            buyer: USER_LOCALE,
            seller: { select: { shopName: true, user: USER_LOCALE } },
          },
        },
        items: { orderBy: { id: "asc" }, select: { quantity: true, orderItem: { select: { titleSnapshot: true } } } },
      },
    });
    if (!r) return [];
    const ref = r.order.id.slice(0, 8);
    const items = r.items.map((i) => `${i.quantity} × ${i.orderItem.titleSnapshot}`).join(", ");
    return RETURN_AUDIENCE[step].map((who) => {
      const user = who === "buyer" ? r.order.buyer : r.order.seller.user;
      const locale = localeOf(user);
      const values = {
        ref,
        items,
        shop: r.order.seller.shopName,
        amount: r.refundedCents === null ? "" : money(locale, r.refundedCents, r.order.currency),
      };
      return {
        userId: user.id,
        template: `return-${step}-${who}`,
        title: t(locale, `return.${step}.title`, values).slice(0, 300),
        body: t(locale, `return.${step}.body`, values).slice(0, 500),
        link: who === "buyer" ? `/orders/${r.order.id}` : "/seller/returns",
      };
    });
  };
}

const CLAIM_SELECT = {
  id: true,
  refundedCents: true,
  order: { select: { id: true, currency: true, buyer: USER_LOCALE, seller: { select: { user: USER_LOCALE } } } },
} as const;

function claimNotes(
  c: {
    refundedCents: number | null;
    order: {
      id: string;
      currency: string;
      buyer: { id: string; locale: string };
      seller: { user: { id: string; locale: string } };
    };
  },
  what: "opened" | "refunded" | "rejected",
): InAppNote[] {
  const ref = c.order.id.slice(0, 8);
  return (["buyer", "seller"] as const).map((who) => {
    const user = who === "buyer" ? c.order.buyer : c.order.seller.user;
    const locale = localeOf(user);
    const values = { ref, amount: money(locale, c.refundedCents ?? 0, c.order.currency) };
    return {
      userId: user.id,
      template: `claim-${what}-${who}`,
      title: t(locale, `claim.${what}.${who}.title`, values),
      body: t(locale, `claim.${what}.${who}.body`, values),
      link: `/orders/${c.order.id}`,
    };
  });
}

const claimOpened: Template<"claim.opened"> = async (tx, e) => {
  const c = await tx.claim.findUnique({ where: { id: e.claimId }, select: CLAIM_SELECT });
  return c ? claimNotes(c, "opened") : [];
};

const claimDecided: Template<"claim.decided"> = async (tx, e) => {
  const c = await tx.claim.findUnique({ where: { id: e.claimId }, select: CLAIM_SELECT });
  return c ? claimNotes(c, e.outcome) : [];
};

async function securityNote(
  tx: Tx,
  userId: string,
  template: string,
  title: (locale: ReturnType<typeof localeOf>) => string,
): Promise<InAppNote[]> {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { id: true, locale: true, deletedAt: true } });
  if (!u || u.deletedAt) return [];
  const locale = localeOf(u);
  return [
    { userId: u.id, template, title: title(locale), body: t(locale, "security.inApp.body"), link: "/account/security" },
  ];
}

const passwordChanged: Template<"account.password_changed"> = (tx, e) =>
  securityNote(tx, e.userId, "password-changed", (l) => t(l, "security.inApp.passwordChanged"));

const emailChanged: Template<"account.email_changed"> = (tx, e) =>
  securityNote(tx, e.userId, "email-changed", (l) => t(l, "security.inApp.emailChanged", { newEmail: e.newEmail }));

const newSignIn: Template<"account.new_sign_in"> = async (tx, e) => {
  const s = await tx.userSession.findFirst({
    where: { id: e.sessionId, userId: e.userId },
    select: { userAgent: true },
  });
  if (!s) return [];
  return securityNote(tx, e.userId, "new-sign-in", (l) =>
    t(l, "security.inApp.newSignIn", { device: describeDevice(s.userAgent) ?? t(l, "security.unknownDevice") }),
  );
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
  "order.held": orderHeld,
  "product.low_stock": lowStock,
  "payout.sent": payoutSent,
  "return.requested": returnStep("requested"),
  "return.label_ready": returnStep("label_ready"),
  "return.accepted": returnStep("accepted"),
  "return.declined": returnStep("declined"),
  "return.escalated": returnStep("escalated"),
  "return.rejected": returnStep("rejected"),
  "return.refunded": returnStep("refunded"),
  "claim.opened": claimOpened,
  "claim.decided": claimDecided,
  "account.password_changed": passwordChanged,
  "account.email_changed": emailChanged,
  "account.new_sign_in": newSignIn,
};
