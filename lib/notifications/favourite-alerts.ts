// What the buyers who saved a listing hear when it is back in stock or cheaper
// (product.back_in_stock, product.price_dropped): an email (this file) and an in-app
// notification (in-app-templates.ts), each unless they turned alerts for saved items off.
// Once per event and buyer: the dedupe key is the outbox event and the recipient.
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/mail/queue-email";
import { formatMoney } from "@/lib/money/format-money";
import type { DomainEvents } from "@/lib/outbox/events";

import { emailFooterFor } from "./email-footer";
import { wantsNotification } from "./preferences";

type AlertProduct = { id: string; title: string; priceCents: number; currency: string; inventoryCount: number };
type Recipient = { id: string; email: string };
type AlertText = { subject: string; body: string; title: string; note: string };

/** The listing, if it still warrants the alert, and the buyers who saved it (accounts not deleted). */
export async function findFavouriteAlert(
  tx: Tx,
  productId: string,
  still: (p: AlertProduct & { status: string }) => boolean,
): Promise<{ product: AlertProduct; recipients: Recipient[] } | null> {
  const product = await tx.product.findUnique({
    where: { id: productId },
    select: { id: true, title: true, priceCents: true, currency: true, inventoryCount: true, status: true },
  });
  // Sold out again, taken down, or the price went back up before the worker got to it: nothing to say.
  if (!product || !still(product)) return null;
  const rows = await tx.favourite.findMany({
    where: { productId, user: { deletedAt: null } },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, email: true } } },
  });
  return { product, recipients: rows.map((r) => r.user) };
}

export const stillBackInStock = (p: { status: string; inventoryCount: number }) =>
  p.status === "active" && p.inventoryCount > 0;

// A price edit sends a live listing back through moderation (update-listing.ts), so "in review"
// still counts: the new price is what the buyer will pay once it is approved, moments later.
export const stillCheaper = (p: { status: string; priceCents: number }, e: DomainEvents["product.price_dropped"]) =>
  (p.status === "active" || p.status === "pending_review") && p.priceCents < e.oldPriceCents;

export function backInStockText(p: AlertProduct, appUrl: string): AlertText {
  const price = formatMoney(p.priceCents, p.currency);
  return {
    subject: `Back in stock: ${p.title}`.slice(0, 300),
    body: `Good news: ${p.title}, which you saved, is back in stock (${p.inventoryCount} available at ${price}).\n\nSee it before it sells out again: ${appUrl}/products/${p.id}\n`,
    title: `Back in stock: ${p.title}`.slice(0, 300),
    note: `${p.title} is available again at ${price}.`,
  };
}

export function priceDropText(
  p: AlertProduct,
  e: { oldPriceCents: number; newPriceCents: number },
  appUrl: string,
): AlertText {
  const was = formatMoney(e.oldPriceCents, p.currency);
  const now = formatMoney(e.newPriceCents, p.currency);
  return {
    subject: `Price drop: ${p.title} is now ${now}`.slice(0, 300),
    body: `${p.title}, which you saved, went down in price: was ${was}, now ${now}.\n\nSee it: ${appUrl}/products/${p.id}\n`,
    title: `Price drop: ${p.title}`.slice(0, 300),
    note: `Was ${was}, now ${now}.`,
  };
}

async function queueAlertEmails(
  tx: Tx,
  alert: { product: AlertProduct; recipients: Recipient[] } | null,
  text: AlertText | null,
  template: string,
  eventId: bigint,
): Promise<void> {
  if (!alert || !text) return;
  for (const to of alert.recipients) {
    if (!(await wantsNotification(tx, { userId: to.id, group: "favourites", channel: "email" }))) continue;
    await queueEmail(tx, {
      userId: to.id,
      to: to.email,
      template,
      subject: text.subject,
      body: text.body,
      dedupeKey: `${template}:${eventId}:${to.id}`,
      footer: emailFooterFor(to.id, "favourites"),
    });
  }
}

export async function queueBackInStockEmails(
  tx: Tx,
  e: DomainEvents["product.back_in_stock"],
  meta: { eventId: bigint },
): Promise<void> {
  const alert = await findFavouriteAlert(tx, e.productId, stillBackInStock);
  await queueAlertEmails(
    tx,
    alert,
    alert && backInStockText(alert.product, env().APP_URL),
    "back-in-stock",
    meta.eventId,
  );
}

export async function queuePriceDropEmails(
  tx: Tx,
  e: DomainEvents["product.price_dropped"],
  meta: { eventId: bigint },
): Promise<void> {
  const alert = await findFavouriteAlert(tx, e.productId, (p) => stillCheaper(p, e));
  await queueAlertEmails(
    tx,
    alert,
    alert && priceDropText(alert.product, e, env().APP_URL),
    "price-drop",
    meta.eventId,
  );
}
