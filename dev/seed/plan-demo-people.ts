import type { Faker } from "@faker-js/faker";

import type { Prisma } from "@/lib/generated/prisma/client";

import { DEMO_LOGINS } from "./demo-logins";
import { DEMO_SHOPS } from "./demo-shops";
import type { DemoSeller } from "./plan-demo-catalogue";

export type DemoPeople = {
  users: (Prisma.UserCreateManyInput & { id: string })[];
  profiles: (Prisma.SellerProfileCreateManyInput & { id: string })[];
  sellers: DemoSeller[];
  buyer: { id: string; name: string };
};

export const demoLogin = (role: "buyer" | "seller" | "admin") => DEMO_LOGINS.find((l) => l.role === role)!;

/**
 * The demo's people, in memory: the published logins (buyer, seller, admin), and the four shops,
 * the first run by the demo seller and the others by their own owners. Ids come from the seeded
 * faker in a fixed order, so every install has the same ones.
 */
export function planDemoPeople(opts: { faker: Faker; passwordHash: string; now: Date }): DemoPeople {
  const { faker, passwordHash, now } = opts;
  const users: DemoPeople["users"] = DEMO_LOGINS.map((l) => ({
    id: faker.string.uuid(),
    email: l.email,
    name: l.name,
    role: l.role,
    passwordHash,
    emailVerified: now,
  }));
  const userIdOf = (email: string) => users.find((u) => u.email === email)!.id;
  const profiles = DEMO_SHOPS.map((shop): DemoPeople["profiles"][number] => {
    let userId = userIdOf(demoLogin("seller").email);
    if (shop.owner) {
      userId = faker.string.uuid();
      users.push({
        id: userId,
        email: shop.owner.email,
        name: shop.owner.name,
        role: "seller",
        passwordHash,
        emailVerified: now,
      });
    }
    // No payout account yet: connectDemoPayouts onboards each shop with Stripe after seeding.
    return { id: faker.string.uuid(), userId, shopName: shop.shopName, slug: shop.slug, description: shop.description };
  });
  const sellers = profiles.map((p, i) => ({ profileId: p.id, userId: p.userId, categories: DEMO_SHOPS[i].categories }));
  const buyer = demoLogin("buyer");
  return { users, profiles, sellers, buyer: { id: userIdOf(buyer.email), name: buyer.name } };
}
