// Seeds the demo marketplace once: a category tree, four shops, the demo buyer and admin,
// and N active products with generated images. `npm start` calls it on every start; once
// the demo admin exists it returns at once, so data survives restarts. The shops' payout
// accounts are connected by connectDemoPayouts, which needs Stripe (the emulator).
//
// Content and ids are deterministic (faker seeded with 42), so every install shows the same
// catalogue and a run interrupted after writing images rewrites the same keys next time.
import { base, en, Faker } from "@faker-js/faker";

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ObjectStorage } from "@/lib/storage/object-storage";
import { hashPassword } from "@/lib/users/hash-password";

import { insertDemoCategories } from "./insert-demo-categories";
import { insertDemoImages } from "./insert-demo-images";
import { insertDemoListings } from "./insert-demo-listings";
import { insertDemoPeople } from "./insert-demo-people";
import { insertDemoStock } from "./insert-demo-stock";
import { insertDemoTwoFactor } from "./insert-demo-two-factor";
import { planDemoCatalogue } from "./plan-demo-catalogue";
import { demoLogin, planDemoPeople } from "./plan-demo-people";
import { renderDemoImages } from "./render-demo-images";

export type SeedCounts = {
  users: number;
  sellers: number;
  addresses: number;
  categories: number;
  products: number;
  productAttributes: number;
  uploads: number;
  productImages: number;
  inventoryAdjustments: number;
};

const DEFAULT_PRODUCTS = 300;
const MAX_PRODUCTS = 100_000;
// Serialises concurrent seeders (two `npm start`s on one database); any fixed number works.
const SEED_LOCK = 4_207_301;

const isSeeded = async (db: Prisma.TransactionClient) =>
  (await db.user.findUnique({ where: { email: demoLogin("admin").email }, select: { id: true } })) !== null;

/**
 * The demo's story, in steps: plan its people (logins and shops) and its catalogue, render the
 * catalogue's images, then in one transaction write the people, the category tree, the listings,
 * their images and their opening stock.
 */
export async function seedDemo(opts: {
  db: PrismaClient;
  storage: ObjectStorage;
  products?: number;
  log?: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ seeded: boolean; counts: SeedCounts }> {
  const total = opts.products ?? DEFAULT_PRODUCTS;
  if (!Number.isInteger(total) || total < 0 || total > MAX_PRODUCTS) {
    throw new Error(`seedDemo: products must be a whole number from 0 to ${MAX_PRODUCTS}, got ${opts.products}`);
  }
  const log = opts.log ?? (() => {});
  const none: SeedCounts = {
    users: 0,
    sellers: 0,
    addresses: 0,
    categories: 0,
    products: 0,
    productAttributes: 0,
    uploads: 0,
    productImages: 0,
    inventoryAdjustments: 0,
  };
  if (await isSeeded(opts.db)) return { seeded: false, counts: none };

  const started = Date.now();
  const now = new Date();
  const faker = new Faker({ locale: [en, base] });
  faker.seed(42);
  // Every demo account shares the published demo password, so it is hashed once.
  const passwordHash = await hashPassword(demoLogin("admin").password);
  const people = planDemoPeople({ faker, passwordHash, now });
  const plan = planDemoCatalogue({ faker, products: total, now, sellers: people.sellers });

  const rendered = await renderDemoImages({ storage: opts.storage, plan, total, onProgress: opts.onProgress });
  log(`generated ${plan.images.length} product images in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const counts = await opts.db.$transaction(
    async (tx): Promise<SeedCounts | null> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if (await isSeeded(tx)) return null;
      const accounts = await insertDemoPeople({ people }, tx);
      const adminId = people.users.find((u) => u.email === demoLogin("admin").email)!.id;
      await insertDemoTwoFactor({ adminId, key: process.env.TOTP_ENCRYPTION_KEY }, tx);
      const { leafIds, categories } = await insertDemoCategories(tx);
      const listings = await insertDemoListings({ plan, leafIds }, tx);
      const images = await insertDemoImages({ plan, rendered }, tx);
      const inventoryAdjustments = await insertDemoStock({ plan }, tx);
      return { ...accounts, categories, ...listings, ...images, inventoryAdjustments };
    },
    { maxWait: 30_000, timeout: 300_000 },
  );

  if (!counts) {
    log("another process seeded the demo data first; nothing added");
    return { seeded: false, counts: none };
  }
  opts.onProgress?.(total, total);
  log(
    `seeded ${counts.products} products, ${counts.categories} categories and ${counts.users} users in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { seeded: true, counts };
}
