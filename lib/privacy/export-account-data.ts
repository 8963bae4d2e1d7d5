import "server-only";

import { describeDevice } from "@/lib/auth/describe-device";
import { db } from "@/lib/db/client";

type Money = { amount_cents: number; currency: string };
const money = (amountCents: number, currency: string): Money => ({ amount_cents: amountCents, currency });

/**
 * Everything the marketplace holds about one person, as the JSON their data export downloads:
 * profile, shop, saved addresses, orders bought (items, amounts, where they went), orders sold
 * (items and amounts, never the buyer's name or address), reviews written and received (the
 * reviewer left out), sign-ins (device, IP, when, when ended; never what the cookie carries),
 * and the emails sent to them. Every query has the person in its `where`: nothing about anyone
 * else comes with it.
 */
export async function exportAccountData(userId: string, now = new Date()) {
  const prisma = db();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      status: true,
      emailVerified: true,
      createdAt: true,
      notificationSettings: {
        select: {
          phoneNumber: true,
          quietStartMinutes: true,
          quietEndMinutes: true,
          timeZone: true,
          dailyDigest: true,
        },
      },
      pushSubscriptions: { select: { userAgent: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      favourites: { select: { productId: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      recentlyViewed: { select: { productId: true, viewedAt: true }, orderBy: { viewedAt: "desc" } },
      sellerProfile: {
        select: { id: true, shopName: true, slug: true, description: true, status: true, createdAt: true },
      },
    },
  });
  if (!user) return null;
  const sellerId = user.sellerProfile?.id ?? null;

  const [addresses, bought, sold, reviewsWritten, reviewsOfMyProducts, ratingsOfMe, sessions, emails] =
    await Promise.all([
      prisma.address.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
      prisma.order.findMany({
        where: { buyerId: userId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          subtotalCents: true,
          shippingCents: true,
          totalCents: true,
          refundedCents: true,
          currency: true,
          shippingAddress: true,
          carrier: true,
          trackingNumber: true,
          createdAt: true,
          paidAt: true,
          shippedAt: true,
          deliveredAt: true,
          cancelledAt: true,
          seller: { select: { shopName: true } },
          items: { select: { titleSnapshot: true, quantity: true, unitPriceCents: true, refundedQuantity: true } },
        },
      }),
      sellerId
        ? prisma.order.findMany({
            where: { sellerId },
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              status: true,
              totalCents: true,
              platformFeeCents: true,
              refundedCents: true,
              currency: true,
              createdAt: true,
              shippedAt: true,
              items: { select: { titleSnapshot: true, quantity: true, unitPriceCents: true, refundedQuantity: true } },
            },
          })
        : Promise.resolve([]),
      prisma.review.findMany({
        where: { buyerId: userId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          orderId: true,
          rating: true,
          title: true,
          body: true,
          status: true,
          createdAt: true,
          product: { select: { title: true } },
          reply: { select: { body: true, createdAt: true } },
        },
      }),
      sellerId
        ? prisma.review.findMany({
            where: { product: { sellerId } },
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              rating: true,
              title: true,
              body: true,
              createdAt: true,
              product: { select: { title: true } },
            },
          })
        : Promise.resolve([]),
      prisma.buyerReview.findMany({
        where: { buyerId: userId },
        orderBy: { createdAt: "asc" },
        select: { orderId: true, rating: true, note: true, createdAt: true, seller: { select: { shopName: true } } },
      }),
      prisma.userSession.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { method: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true, revokedAt: true },
      }),
      prisma.notification.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { toAddress: true, subject: true, template: true, status: true, createdAt: true, sentAt: true },
      }),
    ]);

  return {
    exported_at: now.toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      status: user.status,
      email_verified_at: user.emailVerified?.toISOString() ?? null,
      created_at: user.createdAt.toISOString(),
    },
    shop: user.sellerProfile
      ? {
          id: user.sellerProfile.id,
          shop_name: user.sellerProfile.shopName,
          slug: user.sellerProfile.slug,
          description: user.sellerProfile.description,
          status: user.sellerProfile.status,
          created_at: user.sellerProfile.createdAt.toISOString(),
        }
      : null,
    addresses: addresses.map((a) => ({
      id: a.id,
      full_name: a.fullName,
      line1: a.line1,
      line2: a.line2,
      city: a.city,
      region: a.region,
      postal_code: a.postalCode,
      country: a.country,
      phone: a.phone,
      is_default: a.isDefault,
      created_at: a.createdAt.toISOString(),
    })),
    orders: bought.map((o) => ({
      id: o.id,
      shop: o.seller.shopName,
      status: o.status,
      subtotal: money(o.subtotalCents, o.currency),
      shipping: money(o.shippingCents, o.currency),
      total: money(o.totalCents, o.currency),
      refunded: money(o.refundedCents, o.currency),
      shipping_address: o.shippingAddress,
      carrier: o.carrier,
      tracking_number: o.trackingNumber,
      placed_at: o.createdAt.toISOString(),
      paid_at: o.paidAt?.toISOString() ?? null,
      shipped_at: o.shippedAt?.toISOString() ?? null,
      delivered_at: o.deliveredAt?.toISOString() ?? null,
      cancelled_at: o.cancelledAt?.toISOString() ?? null,
      items: o.items.map((i) => ({
        title: i.titleSnapshot,
        quantity: i.quantity,
        unit_price: money(i.unitPriceCents, o.currency),
        refunded_quantity: i.refundedQuantity,
      })),
    })),
    sales: sold.map((o) => ({
      id: o.id,
      status: o.status,
      total: money(o.totalCents, o.currency),
      commission: money(o.platformFeeCents, o.currency),
      refunded: money(o.refundedCents, o.currency),
      placed_at: o.createdAt.toISOString(),
      shipped_at: o.shippedAt?.toISOString() ?? null,
      items: o.items.map((i) => ({
        title: i.titleSnapshot,
        quantity: i.quantity,
        unit_price: money(i.unitPriceCents, o.currency),
        refunded_quantity: i.refundedQuantity,
      })),
    })),
    reviews_written: reviewsWritten.map((r) => ({
      id: r.id,
      order_id: r.orderId,
      product: r.product.title,
      rating: r.rating,
      title: r.title,
      body: r.body,
      status: r.status,
      created_at: r.createdAt.toISOString(),
      seller_reply: r.reply ? { body: r.reply.body, created_at: r.reply.createdAt.toISOString() } : null,
    })),
    reviews_received: {
      of_your_products: reviewsOfMyProducts.map((r) => ({
        id: r.id,
        product: r.product.title,
        rating: r.rating,
        title: r.title,
        body: r.body,
        created_at: r.createdAt.toISOString(),
      })),
      ratings_from_sellers: ratingsOfMe.map((r) => ({
        order_id: r.orderId,
        shop: r.seller.shopName,
        rating: r.rating,
        note: r.note,
        created_at: r.createdAt.toISOString(),
      })),
    },
    // The row id rides in the session cookie, so it stays out of a file the person may pass on.
    sessions: sessions.map((s) => ({
      method: s.method,
      device: describeDevice(s.userAgent),
      user_agent: s.userAgent,
      ip: s.ip,
      created_at: s.createdAt.toISOString(),
      last_seen_at: s.lastSeenAt.toISOString(),
      revoked_at: s.revokedAt?.toISOString() ?? null,
    })),
    notification_settings: user.notificationSettings
      ? {
          phone_number: user.notificationSettings.phoneNumber,
          quiet_hours_start_minute: user.notificationSettings.quietStartMinutes,
          quiet_hours_end_minute: user.notificationSettings.quietEndMinutes,
          time_zone: user.notificationSettings.timeZone,
          daily_digest: user.notificationSettings.dailyDigest,
        }
      : null,
    // Each browser that receives push; its push-service address is a capability, not shown.
    push_browsers: user.pushSubscriptions.map((p) => ({
      user_agent: p.userAgent,
      created_at: p.createdAt.toISOString(),
    })),
    favourites: user.favourites.map((f) => ({ product_id: f.productId, saved_at: f.createdAt.toISOString() })),
    recently_viewed: user.recentlyViewed.map((v) => ({ product_id: v.productId, viewed_at: v.viewedAt.toISOString() })),
    emails: emails.map((e) => ({
      to: e.toAddress,
      subject: e.subject,
      kind: e.template,
      status: e.status,
      created_at: e.createdAt.toISOString(),
      sent_at: e.sentAt?.toISOString() ?? null,
    })),
  };
}

export type AccountDataExport = NonNullable<Awaited<ReturnType<typeof exportAccountData>>>;
