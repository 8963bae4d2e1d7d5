import type { Prisma } from "@/lib/generated/prisma/client";

import { demoShippingProfile } from "./demo-shipping";
import type { DemoPeople } from "./plan-demo-people";

/** The demo's accounts, its shops, and the demo buyer's default delivery address. */
export async function insertDemoPeople(opts: { people: DemoPeople }, tx: Prisma.TransactionClient) {
  const { users, profiles, buyer } = opts.people;
  const created = await tx.user.createMany({ data: users });
  const shops = await tx.sellerProfile.createMany({ data: profiles });
  for (const shop of profiles) {
    const { zones, ...profile } = demoShippingProfile(shop.id);
    await tx.shippingProfile.create({ data: { ...profile, zones: { create: zones } } });
  }
  const addresses = await tx.address.createMany({
    data: {
      userId: buyer.id,
      fullName: buyer.name,
      line1: "100 Market Street",
      line2: "Apt 4B",
      city: "San Francisco",
      region: "CA",
      postalCode: "94105",
      country: "US",
      phone: "+1 415 555 0100",
      isDefault: true,
    },
  });
  return { users: created.count, sellers: shops.count, addresses: addresses.count };
}
