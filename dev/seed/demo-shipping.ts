import type { Prisma } from "@/lib/generated/prisma/client";

// The demo shops ship from the US: a domestic flat rate (free over $75), a per-item EU rate
// and a dearer rest of the world, each with its own handling and transit days.
const EU = ["AT", "BE", "DE", "DK", "ES", "FI", "FR", "IE", "IT", "NL", "PL", "PT", "SE"];

export function demoShippingProfile(sellerId: string): Prisma.ShippingProfileCreateManyInput & {
  zones: Omit<Prisma.ShippingZoneCreateManyInput, "profileId">[];
} {
  return {
    sellerId,
    name: "Standard",
    isDefault: true,
    zones: [
      {
        countries: ["US"],
        firstItemCents: 599,
        additionalItemCents: 0,
        freeOverCents: 7500,
        handlingDaysMin: 1,
        handlingDaysMax: 2,
        transitDaysMin: 2,
        transitDaysMax: 5,
      },
      {
        countries: EU,
        firstItemCents: 1499,
        additionalItemCents: 400,
        handlingDaysMin: 1,
        handlingDaysMax: 2,
        transitDaysMin: 5,
        transitDaysMax: 10,
      },
      {
        restOfWorld: true,
        firstItemCents: 2499,
        additionalItemCents: 600,
        handlingDaysMin: 2,
        handlingDaysMax: 3,
        transitDaysMin: 7,
        transitDaysMax: 21,
      },
    ],
  };
}
