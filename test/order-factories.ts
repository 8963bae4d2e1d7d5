// Orders for integration tests, written straight to the tables (no cart, no payment): one
// checkout, one order for one seller, one line per product, in whatever status a test needs.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

const PRICE_CENTS = 1000;
const COMMISSION_BPS = 1500;

export async function createOrder(
  prisma: PrismaClient,
  opts: { buyerId: string; sellerId: string; productIds: string[]; status?: OrderStatus; deliveredAt?: Date | null },
) {
  const status = opts.status ?? "delivered";
  const now = new Date();
  const subtotal = PRICE_CENTS * opts.productIds.length;
  const delivered = status === "delivered" || status === "completed";
  const deliveredAt = opts.deliveredAt !== undefined ? opts.deliveredAt : delivered ? now : null;
  const products = await prisma.product.findMany({
    where: { id: { in: opts.productIds } },
    select: { id: true, title: true },
  });
  const titles = new Map(products.map((p) => [p.id, p.title]));
  const checkout = await prisma.checkout.create({
    data: {
      buyerId: opts.buyerId,
      status: status === "pending" ? "payment_pending" : "paid",
      totalCents: subtotal,
      currency: "USD",
      shippingAddress: { fullName: "Test Buyer" },
      expiresAt: new Date(now.getTime() + 600_000),
    },
  });
  return prisma.order.create({
    data: {
      checkoutId: checkout.id,
      buyerId: opts.buyerId,
      sellerId: opts.sellerId,
      status,
      subtotalCents: subtotal,
      totalCents: subtotal,
      commissionBps: COMMISSION_BPS,
      platformFeeCents: Math.round((subtotal * COMMISSION_BPS) / 10_000),
      currency: "USD",
      shippingAddress: { fullName: "Test Buyer" },
      reservationExpiresAt: new Date(now.getTime() + 600_000),
      paidAt: status === "pending" ? null : now,
      shippedAt: delivered || status === "shipped" ? now : null,
      deliveredAt,
      completedAt: status === "completed" ? now : null,
      items: {
        create: opts.productIds.map((productId) => ({
          productId,
          titleSnapshot: titles.get(productId) ?? "Item",
          quantity: 1,
          unitPriceCents: PRICE_CENTS,
          currency: "USD",
        })),
      },
    },
    include: { items: { orderBy: { id: "asc" } } },
  });
}
