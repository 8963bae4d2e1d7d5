import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** A buyer's own checkout with its orders and its latest payment attempt, for the payment and confirmation pages. */
export async function getCheckoutSummary(opts: { checkoutId: string; buyerId: string }) {
  const checkout = await db().checkout.findFirst({
    where: { id: opts.checkoutId, buyerId: opts.buyerId },
    select: {
      id: true,
      status: true,
      totalCents: true,
      currency: true,
      fxRates: true,
      expiresAt: true,
      payments: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, failureMessage: true } },
      orders: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          status: true,
          subtotalCents: true,
          shippingCents: true,
          totalCents: true,
          currency: true,
          chargeTotalCents: true,
          chargeTaxCents: true,
          fxRate: true,
          taxCents: true,
          taxInclusive: true,
          taxLabel: true,
          seller: { select: { shopName: true } },
          items: {
            select: { productId: true, titleSnapshot: true, variantLabel: true, quantity: true, taxRateBps: true },
          },
        },
      },
    },
  });
  if (!checkout) throw new AppError("not_found", "Checkout not found.");
  return checkout;
}
