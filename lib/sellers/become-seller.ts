import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zText } from "@/lib/errors/input-primitives";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueEmail } from "@/lib/mail/queue-email";
import { STARTER_PROFILE } from "@/lib/shipping/starter-profile";
import { requireVerifiedEmail } from "@/lib/users/require-verified-email";

import { sellerWelcomeEmail } from "./seller-welcome-email";

export const ZBecomeSeller = z
  .object({
    shopName: zText({ what: "Shop name", min: 2, max: 80 }),
    slug: zText({ what: "Shop address", min: 3, max: 60 })
      .toLowerCase()
      .min(3, "Shop address must be at least 3 characters.")
      .max(60, "Shop address must be at most 60 characters.")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Shop address may use lower-case letters, digits and single hyphens."),
    description: zText({ what: "Description", max: 2000, multiline: true }).optional(),
  })
  .meta({ id: "BecomeSeller", title: "Shop details" });

const RESERVED_SLUGS = new Set([
  "admin",
  "seller",
  "sellers",
  "api",
  "shop",
  "new",
  "settings",
  "search",
  "cart",
  "checkout",
]);

/** Turns a buyer with a confirmed email address into a seller with a shop; an admin keeps the admin role. */
export async function becomeSeller(
  userId: string,
  raw: z.input<typeof ZBecomeSeller>,
  opts: { appUrl: string },
): Promise<{ sellerId: string; slug: string }> {
  const input = parseInput(ZBecomeSeller, raw);
  const { shopName, slug, description } = input;
  if (RESERVED_SLUGS.has(slug))
    throw new AppError("conflict", `The shop address "${slug}" is reserved. Choose another.`, {
      fields: { slug: "reserved" },
    });
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { email: true, role: true, sellerProfile: { select: { id: true } } },
      });
      if (!user) throw new AppError("not_found", "Account not found.");
      if (user.sellerProfile) throw new AppError("conflict", "You already have a shop.");
      await requireVerifiedEmail(tx, userId, "sell");
      const profile = await tx.sellerProfile.create({
        data: { userId, shopName, slug, description, shippingProfiles: { create: STARTER_PROFILE } },
        select: { id: true, slug: true },
      });
      if (user.role === "buyer") await tx.user.update({ where: { id: userId }, data: { role: "seller" } });
      await queueEmail(tx, {
        userId,
        to: user.email,
        template: "seller-welcome",
        ...sellerWelcomeEmail(shopName, opts.appUrl),
        dedupeKey: `seller-welcome:${userId}`,
      });
      return { sellerId: profile.id, slug: profile.slug };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", `The shop address "${slug}" is taken. Choose another.`, {
        fields: { slug: "taken" },
      });
    }
    throw err;
  }
}
