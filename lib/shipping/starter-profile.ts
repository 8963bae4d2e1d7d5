import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The default profile a new shop starts with, the terms every order had before profiles
 * existed (and the migration gave existing shops): free shipping everywhere, arriving in 3 to
 * 5 days. The seller edits it at /seller/shipping.
 */
export const STARTER_PROFILE = {
  name: "Standard",
  isDefault: true,
  zones: {
    create: [
      {
        restOfWorld: true,
        firstItemCents: 0,
        additionalItemCents: 0,
        handlingDaysMin: 1,
        handlingDaysMax: 1,
        transitDaysMin: 2,
        transitDaysMax: 4,
      },
    ],
  },
} satisfies Prisma.ShippingProfileCreateWithoutSellerInput;
