// What each urgent event says by text message: short (one SMS segment where it can), naming the
// shop or order and linking to it. Only the events whose catalogue entry targets sms have one;
// catalogue.int.test.ts fails when one is missing.
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";

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

export const SMS_TEMPLATES: { [N in DomainEventName]?: Template<N> } = {
  "order.shipped": orderShipped,
  "order.release_blocked": releaseBlocked,
};
