// Small builders for integration tests: real rows through Prisma, unique per call.
import { randomBytes, randomUUID } from "node:crypto";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { STARTER_PROFILE } from "@/lib/shipping/starter-profile";

const uid = () => randomBytes(5).toString("hex");

export async function createUser(
  prisma: PrismaClient,
  opts: { role?: Role; email?: string; passwordHash?: string; emailVerified?: Date | null } = {},
) {
  return prisma.user.create({
    data: {
      email: opts.email ?? `user-${uid()}@example.test`,
      name: "Test User",
      role: opts.role ?? "buyer",
      passwordHash: opts.passwordHash,
      // Confirmed, like the demo accounts; a test of the confirmation itself passes null.
      emailVerified: opts.emailVerified === undefined ? new Date() : opts.emailVerified,
    },
  });
}

export async function createSeller(prisma: PrismaClient) {
  const user = await createUser(prisma, { role: "seller" });
  const seller = await prisma.sellerProfile.create({
    data: {
      userId: user.id,
      shopName: `Shop ${uid()}`,
      slug: `shop-${uid()}`,
      chargesEnabled: true,
      payoutsEnabled: true,
      shippingProfiles: { create: STARTER_PROFILE },
    },
  });
  return { user, seller };
}

export async function createCategory(prisma: PrismaClient, opts: { parentPath?: string; parentId?: number } = {}) {
  const slug = `cat-${uid()}`;
  return prisma.category.create({
    data: {
      name: slug,
      slug,
      path: opts.parentPath ? `${opts.parentPath}/${slug}` : slug,
      parentId: opts.parentId,
      depth: opts.parentPath ? opts.parentPath.split("/").length : 0,
    },
  });
}

export async function createProduct(
  prisma: PrismaClient,
  opts: { sellerId: string; categoryId: number; inventoryCount?: number; priceCents?: number; title?: string },
) {
  return prisma.product.create({
    data: {
      sellerId: opts.sellerId,
      categoryId: opts.categoryId,
      title: opts.title ?? `Product ${uid()}`,
      priceCents: opts.priceCents ?? 1999,
      inventoryCount: opts.inventoryCount ?? 10,
      status: "active",
      publishedAt: new Date(),
    },
  });
}

/** A processed product image upload, as the image pipeline leaves it. */
export async function createReadyUpload(prisma: PrismaClient, userId: string) {
  const id = randomUUID();
  return prisma.upload.create({
    data: {
      id,
      userId,
      purpose: "product_image",
      status: "ready",
      contentType: "image/webp",
      byteSize: 1234,
      originalKey: `uploads/${id}/original`,
      width: 1280,
      height: 960,
      variants: [320, 640, 1280].map((w) => ({ width: w, height: (w * 3) / 4, key: `images/${id}/${w}.webp` })),
    },
  });
}

/** A buyer with one delivery address, as checkout needs; the ids of both. */
export async function createBuyerWithAddress(prisma: PrismaClient, fullName = "Test Buyer") {
  const u = await createUser(prisma);
  const a = await prisma.address.create({
    data: { userId: u.id, fullName, line1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US" },
  });
  return { id: u.id, addressId: a.id };
}
