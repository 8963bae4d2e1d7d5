// What each urgent event says by text message: short (one SMS segment where it can), naming the
// shop or order and linking to it. Only the events whose catalogue entry targets sms have one;
// catalogue.int.test.ts fails when one is missing.
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { t } from "@/lib/mail/i18n/translate";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";

import { localeOf } from "./recipient";

export type SmsNote = { userId: string; template: string; label: string; body: string };

type Template<N extends DomainEventName> = (tx: Tx, event: DomainEvents[N]) => Promise<SmsNote[]>;

const orderShipped: Template<"order.shipped"> = async (tx, e) => {
  const o = await tx.order.findUnique({
    where: { id: e.orderId },
    select: { id: true, buyerId: true, seller: { select: { shopName: true } } },
  });
  if (!o) return [];
  return [
    {
      userId: o.buyerId,
      template: "order-shipped-buyer",
      label: "Order shipped",
      body: `Marketplace: your order from ${o.seller.shopName} has shipped. ${env().APP_URL}/orders/${o.id}`,
    },
  ];
};

const releaseBlocked: Template<"order.release_blocked"> = async (tx, e) => {
  const o = await tx.order.findUnique({
    where: { id: e.orderId },
    select: { id: true, seller: { select: { userId: true } } },
  });
  if (!o) return [];
  return [
    {
      userId: o.seller.userId,
      template: "release-blocked-seller",
      label: "Payout on hold",
      body: `Marketplace: we couldn't pay you for order ${o.id.slice(0, 8)}. What to do: ${env().APP_URL}/seller/payments`,
    },
  ];
};

const orderHeld: Template<"order.held"> = async (tx, e) => {
  const o = await tx.order.findUnique({
    where: { id: e.orderId },
    select: { id: true, seller: { select: { user: { select: { id: true, locale: true } } } } },
  });
  if (!o) return [];
  const locale = localeOf(o.seller.user);
  return [
    {
      userId: o.seller.user.id,
      template: "order-held-seller",
      label: "Order on hold",
      body: t(locale, "held.sms", { ref: o.id.slice(0, 8), link: `${env().APP_URL}/seller/orders` }),
    },
  ];
};

export const SMS_TEMPLATES: { [N in DomainEventName]?: Template<N> } = {
  "order.shipped": orderShipped,
  "order.release_blocked": releaseBlocked,
  "order.held": orderHeld,
};
