// The emails an order's moves send to its buyer and its seller. They react to the move's
// domain event (lib/outbox/events.ts, dispatched by the worker), so exactly once per move and
// recipient: a move happens once, and each email has a dedupe key of order, status and
// recipient, so a repeated dispatch queues nothing. Written as text, with the link to act on;
// the HTML part is rendered from it (lib/mail/render-email.ts).
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { queueEmail } from "@/lib/mail/queue-email";
import { formatMoney } from "@/lib/money/format-money";
import { itemName } from "@/lib/orders/item-name";
import { openHoldCase } from "@/lib/orders/open-hold-case";
import type { DomainEvents, OrderMoved } from "@/lib/outbox/events";
import { describeTax } from "@/lib/tax/describe-tax";

import { emailFooterFor } from "./email-footer";

type OrderForEmail = {
  id: string;
  totalCents: number;
  platformFeeCents: number;
  /** The amounts the order page shows beside the total (absent: an order read before tax). */
  subtotalCents?: number;
  shippingCents?: number;
  taxCents?: number;
  taxInclusive?: boolean;
  taxLabel?: string | null;
  currency: string;
  /** Paid in another currency than the shop's: what the buyer paid in it, at the locked rate. */
  chargeCurrency?: string | null;
  chargeTotalCents?: number | null;
  fxRate?: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  shippingAddress: unknown;
  buyer: { id: string; email: string; name: string | null };
  seller: {
    shopName: string;
    stripeAccountId: string | null;
    payoutsEnabled: boolean;
    user: { id: string; email: string };
  };
  items: { titleSnapshot: string; variantLabel?: string | null; quantity: number; taxRateBps?: number }[];
  /** Set when the order was cancelled before shipping (a refund in full). */
  cancelledBy?: string | null;
  cancellationNote?: string | null;
  cancellationReason?: string | null;
};

type Email = { to: "buyer" | "seller"; subject: string; body: string };

function itemLines(o: OrderForEmail): string {
  return o.items.map((i) => `  ${i.quantity} × ${itemName(i)}`).join("\n");
}

/** The emails for an order that has just moved to `to`; none for moves nobody needs to hear about. */
export function orderEmails(
  o: OrderForEmail,
  to: OrderStatus,
  from: OrderStatus,
  appUrl: string,
  held = false,
): Email[] {
  const ref = o.id.slice(0, 8);
  const total = formatMoney(o.totalCents, o.currency);
  const fee = formatMoney(o.platformFeeCents, o.currency);
  // The seller's share: the tax collected is the platform's to pay, never the seller's.
  const net = formatMoney(o.totalCents - o.platformFeeCents - (o.taxCents ?? 0), o.currency);
  const tax = describeTax({
    taxCents: o.taxCents ?? 0,
    inclusive: o.taxInclusive ?? false,
    label: o.taxLabel ?? null,
    rates: o.items.map((i) => i.taxRateBps ?? 0),
  });
  const breakdown =
    o.subtotalCents === undefined
      ? ""
      : `Items ${formatMoney(o.subtotalCents, o.currency)} · shipping ${o.shippingCents ? formatMoney(o.shippingCents, o.currency) : "free"}${tax ? ` · ${tax} ${formatMoney(o.taxCents ?? 0, o.currency)}` : ""}\n`;
  // The buyer paid in their currency: that is what the confirmation says they paid.
  const paid =
    o.chargeCurrency && o.chargeCurrency !== o.currency && o.chargeTotalCents != null
      ? `${formatMoney(o.chargeTotalCents, o.chargeCurrency)} (${total} at 1 ${o.currency} = ${o.fxRate} ${o.chargeCurrency})`
      : total;
  const buyerLink = `${appUrl}/orders/${o.id}`;
  const sellerLink = `${appUrl}/seller/orders`;
  const hello = o.buyer.name ? `Hi ${o.buyer.name},` : "Hi,";
  const shipTo = o.shippingAddress as { fullName?: string; city?: string; country?: string } | null;
  switch (to) {
    case "paid":
      return [
        {
          to: "buyer",
          subject: `Order confirmed: ${o.seller.shopName} (${total})`,
          body: `${hello}\n\nThanks for your order from ${o.seller.shopName} (order ${ref}):\n${itemLines(o)}\n\n${breakdown}Total paid: ${paid}. The marketplace holds your payment and pays the seller only after you confirm delivery.\n\nFollow your order: ${buyerLink}\n`,
        },
        held
          ? {
              to: "seller",
              subject: `New order ${ref} (on hold: don't ship yet)`,
              body: `You have a new paid order (${ref}) for ${total}:\n${itemLines(o)}\n\nIts payment is being reviewed, which usually takes a few hours. Please don't ship it until we email you that it's cleared: ${sellerLink}\n`,
            }
          : {
              to: "seller",
              subject: `New order to ship: ${o.items[0]?.titleSnapshot ?? "an order"}${o.items.length > 1 ? ` and ${o.items.length - 1} more` : ""}`,
              body: `You have a new paid order (${ref}) for ${total}:\n${itemLines(o)}\n\nShip to ${shipTo?.fullName ?? "the buyer"}${shipTo?.city ? `, ${shipTo.city}` : ""}${shipTo?.country ? ` (${shipTo.country})` : ""}, then add the tracking number: ${sellerLink}\n\nThe payment is held until the buyer confirms delivery, or 14 days after you ship.\n`,
            },
      ];
    case "shipped":
      return [
        {
          to: "buyer",
          subject: `Shipped: your order from ${o.seller.shopName}`,
          body: `${hello}\n\nYour order ${ref} from ${o.seller.shopName} is on its way${o.carrier ? ` with ${o.carrier}` : ""}${o.trackingNumber ? `, tracking number ${o.trackingNumber}` : ""}.\n\nWhen it arrives, confirm delivery so the seller is paid: ${buyerLink}\nSomething wrong? You can open a dispute from the same page within 14 days of delivery.\n`,
        },
      ];
    case "delivered":
      // A seller whose payout account can't receive money yet hears it from the parked
      // release's email instead, which says why and what to do (one email, not two).
      if (!o.seller.stripeAccountId || !o.seller.payoutsEnabled) return [];
      return [
        {
          to: "seller",
          subject: `Delivery confirmed for order ${ref}`,
          body: `The buyer confirmed delivery of order ${ref}. We're now sending ${net} (${total} less the marketplace commission of ${fee}) to your payout account, and will email you once the transfer is made.\n\nSee your balance: ${appUrl}/seller/payments\n`,
        },
      ];
    case "completed":
      return [
        {
          to: "seller",
          subject: `Paid: ${net} for order ${ref}`,
          body: `${net} for order ${ref} (${total} less the marketplace commission of ${fee}) was transferred to your payout account. It's paid out to your bank with the next daily payout.\n\nSee your balance: ${appUrl}/seller/payments\n`,
        },
      ];
    case "disputed":
      return [
        {
          to: "seller",
          subject: `A buyer opened a dispute on order ${ref}`,
          body: `The buyer of order ${ref} (${total}) opened a dispute. Its payment stays held while the marketplace reviews it; you will hear the decision by email.\n\nOrder details: ${sellerLink}\n`,
        },
      ];
    case "refunded":
      if (o.cancelledBy === "buyer" || o.cancelledBy === "seller")
        return cancellationEmails(o, o.cancelledBy, buyerLink, `${appUrl}/seller/orders`, hello);
      return [
        {
          to: "buyer",
          subject: `Refund of ${total} for your order from ${o.seller.shopName}`,
          body: `${hello}\n\nOrder ${ref} from ${o.seller.shopName} was refunded: ${total} goes back to your card (banks take 5–10 days to show it).\n\nDetails: ${buyerLink}\n`,
        },
        {
          to: "seller",
          subject: `Order ${ref} was refunded`,
          body: `Order ${ref} (${total}) was refunded to the buyer${from === "disputed" ? " after the dispute was decided" : ""}.\n\nSee your balance: ${appUrl}/seller/payments\n`,
        },
      ];
    default:
      return [];
  }
}

// The moves orderEmails writes for; others (cancelled, pending) read nothing.
const EMAILED: ReadonlySet<OrderStatus> = new Set([
  "paid",
  "shipped",
  "delivered",
  "completed",
  "disputed",
  "refunded",
]);

const CANCEL_REASON: Record<string, string> = {
  buyer_request: "at the buyer's request",
  out_of_stock: "out of stock",
  cannot_ship: "can't ship to this address",
  other: "other reason",
};

/** A paid order cancelled before shipping: both sides hear who cancelled, why, and that the refund is in full. */
function cancellationEmails(
  o: OrderForEmail,
  by: "buyer" | "seller",
  buyerLink: string,
  sellerLink: string,
  hello: string,
): Email[] {
  const ref = o.id.slice(0, 8);
  const total = formatMoney(o.totalCents, o.currency);
  const why = `${CANCEL_REASON[o.cancellationReason ?? "other"] ?? "other reason"}${o.cancellationNote ? `: ${o.cancellationNote}` : ""}`;
  return by === "buyer"
    ? [
        {
          to: "buyer",
          subject: `Order ${ref} cancelled: ${total} refunded`,
          body: `${hello}

You cancelled order ${ref} from ${o.seller.shopName}. ${total} goes back to your card (banks take 5–10 days to show it).

Details: ${buyerLink}
`,
        },
        {
          to: "seller",
          subject: `Order ${ref} was cancelled by the buyer: don't ship it`,
          body: `The buyer cancelled order ${ref} (${total}) before it shipped:
${itemLines(o)}

Please don't ship it. The buyer was refunded in full and the items are back in your stock.

Your orders: ${sellerLink}
`,
        },
      ]
    : [
        {
          to: "buyer",
          subject: `${o.seller.shopName} cancelled your order ${ref}: ${total} refunded`,
          body: `${hello}

${o.seller.shopName} couldn't fulfil order ${ref} and cancelled it (${why}):
${itemLines(o)}

${total} goes back to your card in full (banks take 5–10 days to show it). We're sorry for the trouble.

Details: ${buyerLink}
`,
        },
        {
          to: "seller",
          subject: `You cancelled order ${ref}`,
          body: `You cancelled order ${ref} (${total}): ${why}. The buyer was refunded in full and the items are back in your stock. Cancellations count in your shop's record.

Your orders: ${sellerLink}
`,
        },
      ];
}

// What every order email reads about its order.
const ORDER_FOR_EMAIL_SELECT = {
  id: true,
  totalCents: true,
  platformFeeCents: true,
  subtotalCents: true,
  shippingCents: true,
  taxCents: true,
  taxInclusive: true,
  taxLabel: true,
  currency: true,
  chargeCurrency: true,
  chargeTotalCents: true,
  fxRate: true,
  carrier: true,
  trackingNumber: true,
  shippingAddress: true,
  buyer: { select: { id: true, email: true, name: true } },
  seller: {
    select: {
      shopName: true,
      stripeAccountId: true,
      payoutsEnabled: true,
      user: { select: { id: true, email: true } },
    },
  },
  items: {
    select: { titleSnapshot: true, variantLabel: true, quantity: true, taxRateBps: true },
    orderBy: { id: "asc" as const },
  },
  cancelledBy: true,
  cancellationReason: true,
  cancellationNote: true,
} as const;

/** Queues the emails for an order's move (the subscriber to every `order.<status>` event). */
export async function queueOrderEmails(tx: Tx, opts: OrderMoved): Promise<void> {
  if (!EMAILED.has(opts.to)) return;
  const order = await tx.order.findUnique({
    where: { id: opts.orderId },
    select: ORDER_FOR_EMAIL_SELECT,
  });
  if (!order) return;
  const held = opts.to === "paid" && (await openHoldCase(tx, order.id)) !== null;
  for (const email of orderEmails(order, opts.to, opts.from, env().APP_URL, held)) {
    const user = email.to === "buyer" ? order.buyer : order.seller.user;
    await queueEmail(tx, {
      userId: user.id,
      to: user.email,
      template: `order-${opts.to}-${email.to}`,
      subject: email.subject,
      body: email.body,
      dedupeKey: `order:${order.id}:${opts.to}:${email.to}`,
      footer: emailFooterFor(user.id, "orders"),
    });
  }
}

/** The emails for a partial refund (an order fully refunded gets the `refunded` move's instead). */
export function partialRefundEmails(o: OrderForEmail, amountCents: number, reason: string, appUrl: string): Email[] {
  const ref = o.id.slice(0, 8);
  const amount = formatMoney(amountCents, o.currency);
  const hello = o.buyer.name ? `Hi ${o.buyer.name},` : "Hi,";
  return [
    {
      to: "buyer",
      subject: `Partial refund of ${amount} for your order from ${o.seller.shopName}`,
      body: `${hello}\n\n${amount} of order ${ref} from ${o.seller.shopName} was refunded (${reason}). It goes back to your card; banks take 5–10 days to show it. The rest of the order is unchanged.\n\nDetails: ${appUrl}/orders/${o.id}\n`,
    },
    {
      to: "seller",
      subject: `Partial refund of ${amount} on order ${ref}`,
      body: `${amount} of order ${ref} was refunded to the buyer (${reason}). Your share of it comes out of your balance.\n\nSee your balance: ${appUrl}/seller/payments\n`,
    },
  ];
}

/** Queues a partial refund's emails (once per refund and recipient); a return's refund is announced by the return's own emails. */
export async function queuePartialRefundEmails(tx: Tx, opts: DomainEvents["order.partially_refunded"]): Promise<void> {
  if (opts.kind === "return") return;
  const order = await tx.order.findUnique({ where: { id: opts.orderId }, select: ORDER_FOR_EMAIL_SELECT });
  if (!order) return;
  for (const email of partialRefundEmails(order, opts.amountCents, opts.reason, env().APP_URL)) {
    const user = email.to === "buyer" ? order.buyer : order.seller.user;
    await queueEmail(tx, {
      userId: user.id,
      to: user.email,
      template: `order-partial-refund-${email.to}`,
      subject: email.subject,
      body: email.body,
      dedupeKey: `refund:${opts.refundId}:${email.to}`,
      footer: emailFooterFor(user.id, "orders"),
    });
  }
}
