import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";
import { reauthenticate } from "@/lib/users/reauthenticate";

import { findMoneyInFlight } from "./find-money-in-flight";

export const ZAccountDeletion = z
  .object({
    currentPassword: z.string().max(1000),
    confirm: z.literal("DELETE", { error: "Type DELETE to confirm." }),
  })
  .meta({ id: "AccountDeletion", title: "Account deletion" });

// What of an order's shipping address is kept after deletion: the place of supply a seller's
// tax records need, not who lived there. The shape stays the same for the pages that show it.
function placeOfSupply(address: Prisma.JsonValue): Prisma.InputJsonObject {
  const a = (address && typeof address === "object" && !Array.isArray(address) ? address : {}) as Record<
    string,
    Prisma.JsonValue
  >;
  return {
    fullName: "Former customer",
    line1: "",
    line2: null,
    city: a.city ?? null,
    region: a.region ?? null,
    postalCode: a.postalCode ?? null,
    country: a.country ?? null,
    phone: null,
  };
}

/**
 * Deletes a person's account at their request, after their password: refused (409, each reason
 * said) while money is in flight; otherwise, in one transaction, their personal data is removed
 * or anonymized and what the law and the other party need is kept (docs/OPERATIONS.md, "Account
 * deletion"). The account can never sign in again and every session ends: its rows go with the
 * rest (and the status is read on every request).
 */
export async function deleteAccount(
  userId: string,
  raw: z.input<typeof ZAccountDeletion>,
  now = new Date(),
): Promise<{ deletedAt: Date }> {
  const { currentPassword } = parseInput(ZAccountDeletion, raw);
  await reauthenticate(userId, currentPassword);
  return db().$transaction(
    async (tx) => {
      // The row lock keeps a checkout or a shop change from starting while the checks run.
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { role: true, status: true, sellerProfile: { select: { id: true } } },
      });
      if (user.status === "deleted") throw new AppError("conflict", "This account is already deleted.");
      if (user.role === "admin")
        throw new AppError("forbidden", "Admin accounts are removed by another admin, not from settings.");
      const reasons = await findMoneyInFlight(tx, userId);
      if (reasons.length)
        throw new AppError(
          "conflict",
          `Your account can't be deleted while money is in flight: ${reasons.join(" ")} Try again once they are settled, or contact support.`,
          { reasons },
        );

      const anonymousEmail = `deleted-${userId}@deleted.invalid`;
      await tx.user.update({
        where: { id: userId },
        data: {
          email: anonymousEmail,
          name: null,
          image: null,
          passwordHash: null,
          emailVerified: null,
          status: "deleted",
          deletedAt: now,
        },
      });
      await tx.address.deleteMany({ where: { userId } });
      await tx.account.deleteMany({ where: { userId } });
      await tx.session.deleteMany({ where: { userId } });
      // The sign-ins too (device, IP): every copy of every cookie is refused from the next request.
      await tx.userSession.deleteMany({ where: { userId } });
      await tx.accountToken.deleteMany({ where: { userId } });
      await tx.cart.deleteMany({ where: { userId } });
      await tx.buyerReview.deleteMany({ where: { buyerId: userId } });
      // No more push or text messages: the browsers and the phone number go.
      await tx.pushSubscription.deleteMany({ where: { userId } });
      await tx.notificationSettings.deleteMany({ where: { userId } });
      await tx.digestItem.deleteMany({ where: { userId } });
      // What they saved and looked at: no more alerts, nothing left to recommend from.
      await tx.favourite.deleteMany({ where: { userId } });
      await tx.recentlyViewed.deleteMany({ where: { userId } });
      // Emails already sent keep only that they were sent; one not sent yet never will be.
      await tx.notification.updateMany({
        where: { userId, status: "queued" },
        data: { status: "failed", error: "account deleted" },
      });
      await tx.notification.updateMany({
        where: { userId },
        data: {
          toAddress: anonymousEmail,
          subject: "(removed: account deleted)",
          body: "",
          html: null,
          unsubscribeUrl: null,
        },
      });
      // Orders and checkouts stay (the seller's and the platform's records), without the name,
      // street and phone of the address they went to.
      for (const table of ["order", "checkout"] as const) {
        const rows =
          table === "order"
            ? await tx.order.findMany({ where: { buyerId: userId }, select: { id: true, shippingAddress: true } })
            : await tx.checkout.findMany({ where: { buyerId: userId }, select: { id: true, shippingAddress: true } });
        for (const r of rows) {
          const data = { shippingAddress: placeOfSupply(r.shippingAddress) };
          if (table === "order") await tx.order.update({ where: { id: r.id }, data });
          else await tx.checkout.update({ where: { id: r.id }, data });
        }
      }
      const sellerId = user.sellerProfile?.id;
      if (sellerId) {
        await tx.sellerProfile.update({
          where: { id: sellerId },
          data: { shopName: "Closed shop", slug: `closed-${sellerId}`, description: null, status: "suspended" },
        });
        await tx.product.updateMany({ where: { sellerId, status: { not: "archived" } }, data: { status: "archived" } });
        // The search indexer re-reads the shop's products and drops them.
        await recordOutboxEvent(tx, { aggregateType: "seller", aggregateId: sellerId, eventType: "seller.closed" });
      }
      return { deletedAt: now };
    },
    { timeout: 30_000 },
  );
}
