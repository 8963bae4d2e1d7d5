import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { stripe } from "@/lib/payments/stripe-client";
import { createLocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { ObjectStorage } from "@/lib/storage/object-storage";
import type { ImageVariant } from "@/lib/storage/write-image-variants";
import { verifyPassword } from "@/lib/users/verify-password";
import { createTestDatabase, type TestDatabase } from "@/test/db";

import { connectDemoPayouts } from "./connect-demo-payouts";
import { DEMO_LOGINS } from "./demo-logins";
import { DEMO_SHOPS } from "./demo-shops";
import { seedDemo } from "./seed-demo";

let database: TestDatabase;
let dataDir: string;
let storage: ObjectStorage;
let firstRun: Awaited<ReturnType<typeof seedDemo>>;
const progress: [number, number][] = [];

async function tableCounts(prisma: PrismaClient) {
  return {
    users: await prisma.user.count(),
    sellers: await prisma.sellerProfile.count(),
    addresses: await prisma.address.count(),
    categories: await prisma.category.count(),
    products: await prisma.product.count(),
    productAttributes: await prisma.productAttribute.count(),
    uploads: await prisma.upload.count(),
    productImages: await prisma.productImage.count(),
    inventoryAdjustments: await prisma.inventoryAdjustment.count(),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), "seed-demo-"));
  storage = createLocalDiskStorage({ rootDir: join(dataDir, "uploads") });
  firstRun = await seedDemo({
    db: database.prisma,
    storage,
    products: 40,
    onProgress: (done, total) => progress.push([done, total]),
  });
});

afterAll(async () => {
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("seedDemo", () => {
  it("reports what it created, matching the tables", async () => {
    expect(firstRun.seeded).toBe(true);
    expect(firstRun.counts).toEqual(await tableCounts(database.prisma));
    expect(firstRun.counts.products).toBe(40);
    expect(progress.at(-1)).toEqual([40, 40]);
    expect(progress.every(([done, total], i) => total === 40 && done >= (progress[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it("creates the demo buyer, seller and admin with the published password", async () => {
    for (const login of DEMO_LOGINS) {
      const user = await database.prisma.user.findUniqueOrThrow({
        where: { email: login.email },
        include: { sellerProfile: true, addresses: true },
      });
      expect(user.role).toBe(login.role);
      expect(user.status).toBe("active");
      expect(await verifyPassword(login.password, user.passwordHash!)).toBe(true);
      // Payouts are connected by connectDemoPayouts, through Stripe, after the seed.
      if (login.role === "seller")
        expect(user.sellerProfile).toMatchObject({ stripeAccountId: null, payoutsEnabled: false });
      if (login.role === "buyer")
        expect(user.addresses).toEqual([expect.objectContaining({ isDefault: true, country: "US" })]);
    }
    expect(await database.prisma.sellerProfile.count()).toBe(4);
  });

  it("builds a category tree whose paths follow the parents", async () => {
    const categories = await database.prisma.category.findMany();
    const byId = new Map(categories.map((c) => [c.id, c]));
    const tops = categories.filter((c) => c.parentId === null);
    expect(tops.length).toBe(8);
    for (const c of categories) {
      const parent = c.parentId === null ? null : byId.get(c.parentId)!;
      expect(c.path).toBe(parent ? `${parent.path}/${c.slug}` : c.slug);
      expect(c.depth).toBe(parent ? parent.depth + 1 : 0);
      expect(c.suggestedAttributes.length).toBeGreaterThan(0);
    }
    for (const top of tops) {
      const children = categories.filter((c) => c.parentId === top.id);
      expect(children.length).toBeGreaterThanOrEqual(3);
      expect(children.length).toBeLessThanOrEqual(4);
      expect(children.map((c) => c.position).sort()).toEqual(children.map((_, i) => i));
    }
    expect(byId.get(tops.find((c) => c.slug === "electronics")!.id)!.commissionBps).toBe(1000);
  });

  it("lists 40 active products in leaf categories, each with an image whose files exist", async () => {
    const products = await database.prisma.product.findMany({
      include: { images: true, category: { include: { children: true } } },
    });
    expect(products).toHaveLength(40);
    const uploads = await database.prisma.upload.findMany();
    const uploadByVariantKey = new Map(uploads.flatMap((u) => (u.variants as ImageVariant[]).map((v) => [v.key, u])));

    for (const p of products) {
      expect(p.status).toBe("active");
      expect(p.publishedAt).not.toBeNull();
      expect(p.currency).toBe("USD");
      expect(p.priceCents).toBeGreaterThan(0);
      expect(p.category.children).toEqual([]);
      expect(p.images.length).toBeGreaterThanOrEqual(1);
      expect(p.images.length).toBeLessThanOrEqual(3);
      for (const image of p.images) {
        const upload = uploadByVariantKey.get(image.s3Key);
        expect(upload, `upload for ${image.s3Key}`).toBeDefined();
        if (image.uploadId) expect(image.uploadId).toBe(upload!.id);
        expect(await storage.get(image.s3Key)).toMatchObject({ contentType: "image/webp" });
      }
    }

    for (const upload of uploads) {
      expect(upload).toMatchObject({ purpose: "product_image", status: "ready" });
      expect(await storage.get(upload.originalKey)).toMatchObject({
        contentType: upload.contentType,
        size: upload.byteSize,
      });
      const variants = upload.variants as ImageVariant[];
      expect(variants.map((v) => v.width)).toEqual([320, 640, 1280]);
      for (const v of variants) expect(await storage.get(v.key)).not.toBeNull();
    }
    // Every upload belongs to exactly one product image; the rest share its files.
    const owned = await database.prisma.productImage.count({ where: { uploadId: { not: null } } });
    expect(owned).toBe(uploads.length);
  });

  it("keeps inventory non-negative with an initial adjustment for every stocked product", async () => {
    const products = await database.prisma.product.findMany({ include: { adjustments: true } });
    expect(products.every((p) => p.inventoryCount >= 0)).toBe(true);
    for (const p of products) {
      if (p.inventoryCount === 0) {
        expect(p.adjustments).toEqual([]);
      } else {
        expect(p.adjustments).toEqual([
          expect.objectContaining({ reason: "initial", delta: p.inventoryCount, resultingCount: p.inventoryCount }),
        ]);
      }
    }
    expect(products.filter((p) => p.featured).length).toBeGreaterThan(0);
  });

  it("does nothing on a second run", async () => {
    const before = await tableCounts(database.prisma);
    const again = await seedDemo({ db: database.prisma, storage, products: 40 });
    expect(again.seeded).toBe(false);
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    expect(await tableCounts(database.prisma)).toEqual(before);
  });
});

describe("seedDemo run twice at once", () => {
  it("seeds exactly once", async () => {
    const other = await createTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), "seed-demo-race-"));
    try {
      const disk = createLocalDiskStorage({ rootDir: dir });
      const results = await Promise.all([1, 2].map(() => seedDemo({ db: other.prisma, storage: disk, products: 2 })));
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      expect(await other.prisma.product.count()).toBe(2);
      expect(await other.prisma.user.count({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } })).toBe(3);
    } finally {
      await other.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("connectDemoPayouts", () => {
  it("connects every demo shop to a working payout account on the Stripe emulator, once", async () => {
    const first = await connectDemoPayouts({ db: database.prisma });
    expect(first.connected).toBe(DEMO_SHOPS.length);
    const shops = await database.prisma.sellerProfile.findMany({ include: { user: true } });
    for (const shop of shops) {
      expect(shop).toMatchObject({
        stripeAccountId: expect.stringMatching(/^acct_/),
        chargesEnabled: true,
        payoutsEnabled: true,
        detailsSubmitted: true,
      });
      const account = await stripe().accounts.retrieve(shop.stripeAccountId!);
      expect(account).toMatchObject({
        email: shop.user.email,
        payouts_enabled: true,
        metadata: { seller_id: shop.id },
      });
      expect(account.capabilities?.transfers).toBe("active");
    }
    // A second start changes nothing; a new shop is not touched (its seller connects by themselves).
    const newcomer = await database.prisma.sellerProfile.create({
      data: {
        userId: (await database.prisma.user.create({ data: { email: "new-seller@example.test", role: "seller" } })).id,
        shopName: "Newcomer",
        slug: "newcomer",
      },
    });
    expect(await connectDemoPayouts({ db: database.prisma })).toEqual({ connected: 0 });
    expect(
      (await database.prisma.sellerProfile.findMany({ where: { id: { in: shops.map((s) => s.id) } } }))
        .map((s) => s.stripeAccountId)
        .sort(),
    ).toEqual(shops.map((s) => s.stripeAccountId).sort());
    expect(await database.prisma.sellerProfile.findUniqueOrThrow({ where: { id: newcomer.id } })).toMatchObject({
      stripeAccountId: null,
      payoutsEnabled: false,
    });
  });
});
