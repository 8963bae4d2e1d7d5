// Seeds the demo marketplace once: a category tree, four shops, the demo buyer and admin,
// and N active products with generated images. `npm start` calls it on every start; once
// the demo admin exists it returns at once, so data survives restarts. The shops' payout
// accounts are connected by connectDemoPayouts, which needs Stripe (the emulator).
//
// Content and ids are deterministic (faker seeded with 42), so every install shows the same
// catalogue and a run interrupted after writing images rewrites the same keys next time.
import { availableParallelism } from "node:os";

import { base, en, Faker } from "@faker-js/faker";

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ObjectStorage } from "@/lib/storage/object-storage";
import { writeImageVariants, type ImageVariant } from "@/lib/storage/write-image-variants";
import { hashPassword } from "@/lib/users/hash-password";

import { DEMO_CATEGORIES } from "./demo-categories";
import { DEMO_LOGINS } from "./demo-logins";
import { DEMO_SHOPS } from "./demo-shops";
import { planDemoCatalogue, type PlannedImage } from "./plan-demo-catalogue";
import { renderPlaceholderImage } from "./render-placeholder-image";

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

type RenderedImage = { byteSize: number; width: number; height: number; variants: ImageVariant[] };

const DEFAULT_PRODUCTS = 300;
const MAX_PRODUCTS = 100_000;
const BATCH_SIZE = 1000;
// Serialises concurrent seeders (two `npm start`s on one database); any fixed number works.
const SEED_LOCK = 4_207_301;

const loginFor = (role: "buyer" | "seller" | "admin") => DEMO_LOGINS.find((l) => l.role === role)!;

function inBatches<T>(rows: T[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) batches.push(rows.slice(i, i + BATCH_SIZE));
  return batches;
}

async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

async function renderImage(storage: ObjectStorage, image: PlannedImage): Promise<RenderedImage> {
  const original = await renderPlaceholderImage({
    hue: image.leaf.top.hue + image.leaf.position * 12,
    title: image.leaf.name,
    subtitle: image.leaf.top.name,
    variant: image.variant,
  });
  await storage.put(image.originalKey, original, "image/jpeg");
  const { width, height, variants } = await writeImageVariants({ storage, uploadId: image.uploadId, input: original });
  return { byteSize: original.length, width, height, variants };
}

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
  const counts: SeedCounts = {
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
  const isSeeded = async (db: Prisma.TransactionClient) =>
    (await db.user.findUnique({ where: { email: loginFor("admin").email }, select: { id: true } })) !== null;
  if (await isSeeded(opts.db)) return { seeded: false, counts };

  const started = Date.now();
  const now = new Date();
  const faker = new Faker({ locale: [en, base] });
  faker.seed(42);
  // Every demo account shares the published demo password, so it is hashed once.
  const passwordHash = await hashPassword(loginFor("admin").password);

  const users: (Prisma.UserCreateManyInput & { id: string })[] = DEMO_LOGINS.map((l) => ({
    id: faker.string.uuid(),
    email: l.email,
    name: l.name,
    role: l.role,
    passwordHash,
    emailVerified: now,
  }));
  const userIdOf = (email: string) => users.find((u) => u.email === email)!.id;
  const profiles = DEMO_SHOPS.map((shop): Prisma.SellerProfileCreateManyInput & { id: string } => {
    let userId = userIdOf(loginFor("seller").email);
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
    return {
      id: faker.string.uuid(),
      userId,
      shopName: shop.shopName,
      slug: shop.slug,
      description: shop.description,
    };
  });
  const sellers = profiles.map((p, i) => ({ profileId: p.id, userId: p.userId, categories: DEMO_SHOPS[i].categories }));
  const plan = planDemoCatalogue({ faker, products: total, now, sellers });

  // Progress counts a product as done once every image of its leaf category is rendered.
  const imagesLeft = new Map<string, number>();
  const productsIn = new Map<string, number>();
  for (const image of plan.images) imagesLeft.set(image.leaf.slug, (imagesLeft.get(image.leaf.slug) ?? 0) + 1);
  for (const p of plan.products) productsIn.set(p.leaf.slug, (productsIn.get(p.leaf.slug) ?? 0) + 1);
  let done = 0;
  opts.onProgress?.(done, total);

  // Storage writes happen before the transaction: no storage call runs inside one.
  const rendered = new Map<string, RenderedImage>();
  await forEachConcurrently(plan.images, Math.max(2, availableParallelism()), async (image) => {
    rendered.set(image.uploadId, await renderImage(opts.storage, image));
    const left = imagesLeft.get(image.leaf.slug)! - 1;
    imagesLeft.set(image.leaf.slug, left);
    if (left === 0) {
      done += productsIn.get(image.leaf.slug)!;
      opts.onProgress?.(done, total);
    }
  });
  log(`generated ${plan.images.length} product images in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const seeded = await opts.db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if (await isSeeded(tx)) return false;

      counts.users = (await tx.user.createMany({ data: users })).count;
      counts.sellers = (await tx.sellerProfile.createMany({ data: profiles })).count;
      const buyer = loginFor("buyer");
      counts.addresses = (
        await tx.address.createMany({
          data: {
            userId: userIdOf(buyer.email),
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
        })
      ).count;

      const tops = await tx.category.createManyAndReturn({
        data: DEMO_CATEGORIES.map((top, position) => ({
          name: top.name,
          slug: top.slug,
          path: top.slug,
          depth: 0,
          position,
          suggestedAttributes: [...top.suggestedAttributes],
          commissionBps: top.commissionBps ?? null,
        })),
        select: { id: true, slug: true },
      });
      const topIds = new Map(tops.map((c) => [c.slug, c.id]));
      const leaves = await tx.category.createManyAndReturn({
        data: DEMO_CATEGORIES.flatMap((top) =>
          top.children.map((leaf, position) => ({
            parentId: topIds.get(top.slug)!,
            name: leaf.name,
            slug: leaf.slug,
            path: `${top.slug}/${leaf.slug}`,
            depth: 1,
            position,
            suggestedAttributes: [leaf.brands.length > 0 ? "brand" : "author", ...Object.keys(leaf.attributes)],
          })),
        ),
        select: { id: true, slug: true },
      });
      const leafIds = new Map(leaves.map((c) => [c.slug, c.id]));
      counts.categories = tops.length + leaves.length;

      const productRows: Prisma.ProductCreateManyInput[] = plan.products.map((p) => ({
        id: p.id,
        sellerId: p.sellerId,
        categoryId: leafIds.get(p.leaf.slug)!,
        title: p.title,
        description: p.description,
        priceCents: p.priceCents,
        currency: "USD",
        inventoryCount: p.inventoryCount,
        status: "active",
        featured: p.featured,
        publishedAt: p.publishedAt,
        createdAt: p.createdAt,
      }));
      for (const batch of inBatches(productRows))
        counts.products += (await tx.product.createMany({ data: batch })).count;

      const attributeRows = plan.products.flatMap((p) =>
        Object.entries(p.attributes).map(([key, value]) => ({ productId: p.id, key, value })),
      );
      for (const batch of inBatches(attributeRows))
        counts.productAttributes += (await tx.productAttribute.createMany({ data: batch })).count;

      const uploadRows: Prisma.UploadCreateManyInput[] = plan.images.map((image) => {
        const { byteSize, width, height, variants } = rendered.get(image.uploadId)!;
        return {
          id: image.uploadId,
          userId: image.ownerUserId,
          purpose: "product_image",
          status: "ready",
          contentType: "image/jpeg",
          byteSize,
          originalKey: image.originalKey,
          width,
          height,
          variants,
        };
      });
      for (const batch of inBatches(uploadRows)) counts.uploads += (await tx.upload.createMany({ data: batch })).count;

      // An upload can back one product image (upload_id is unique); later uses share its files.
      const claimed = new Set<string>();
      const imageRows: Prisma.ProductImageCreateManyInput[] = plan.products.flatMap((p) =>
        p.images.map((image, position) => {
          const variants = rendered.get(image.uploadId)!.variants;
          const largest = variants[variants.length - 1];
          const owns = !claimed.has(image.uploadId);
          claimed.add(image.uploadId);
          return {
            productId: p.id,
            uploadId: owns ? image.uploadId : null,
            s3Key: largest.key,
            position,
            width: largest.width,
            height: largest.height,
            altText: p.title,
          };
        }),
      );
      for (const batch of inBatches(imageRows))
        counts.productImages += (await tx.productImage.createMany({ data: batch })).count;

      const adjustmentRows: Prisma.InventoryAdjustmentCreateManyInput[] = plan.products
        .filter((p) => p.inventoryCount > 0)
        .map((p) => ({
          productId: p.id,
          actorId: p.sellerUserId,
          delta: p.inventoryCount,
          resultingCount: p.inventoryCount,
          reason: "initial",
          createdAt: p.createdAt,
        }));
      for (const batch of inBatches(adjustmentRows))
        counts.inventoryAdjustments += (await tx.inventoryAdjustment.createMany({ data: batch })).count;
      return true;
    },
    { maxWait: 30_000, timeout: 300_000 },
  );

  if (!seeded) {
    log("another process seeded the demo data first; nothing added");
    return { seeded: false, counts };
  }
  opts.onProgress?.(total, total);
  log(
    `seeded ${counts.products} products, ${counts.categories} categories and ${counts.users} users in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { seeded: true, counts };
}
