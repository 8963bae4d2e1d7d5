import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { hammingDistance, imageHashes } from "@/lib/uploads/image-hashes";
import { createCategory, createProduct, createReadyUpload, createSeller } from "@/test/factories";

import { createListing } from "./create-listing";
import { moderateListing } from "./moderate-listing";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

/** A photo-like picture: smooth shapes on a gradient, different for each seed. */
async function photo(seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#${(seed * 4321).toString(16).padStart(6, "0").slice(-6)}"/><stop offset="1" stop-color="#f5e6c8"/></linearGradient></defs>
    <rect width="640" height="480" fill="url(#g)"/>
    <circle cx="${100 + ((seed * 97) % 400)}" cy="${120 + ((seed * 53) % 240)}" r="90" fill="#203040"/>
    <rect x="${(seed * 31) % 300}" y="300" width="260" height="120" fill="#a04020"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/** A processed upload of these bytes, hashed as the image pipeline hashes it. */
async function uploadOf(userId: string, bytes: Buffer) {
  const u = await createReadyUpload(db(), userId);
  return db().upload.update({ where: { id: u.id }, data: await imageHashes(bytes) });
}

async function submit(sellerId: string, userId: string, uploadIds: string[], priceCents = 4900) {
  const { productId } = await createListing({
    sellerId,
    actorId: userId,
    input: { title: "Walnut desk lamp", description: "Warm light.", categoryId, priceCents, images: uploadIds },
  });
  return productId;
}

const product = (id: string) =>
  db().product.findUniqueOrThrow({
    where: { id },
    select: { status: true, fraudScore: true, cases: { select: { reasons: true } } },
  });

describe("listing fraud", () => {
  it("dHash: a re-encoded, resized copy is a few bits away; another picture is far", async () => {
    const original = await photo(1);
    const copy = await sharp(original).resize(320).webp({ quality: 60 }).toBuffer();
    const [a, b, c] = await Promise.all([imageHashes(original), imageHashes(copy), imageHashes(await photo(7))]);
    expect(a.sha256).not.toBe(b.sha256);
    expect(hammingDistance(a.dhash, b.dhash)).toBeLessThanOrEqual(6);
    expect(hammingDistance(a.dhash, c.dhash)).toBeGreaterThan(12);
  });

  it("the same photo listed by a second seller is flagged (exact and re-encoded copies); the first seller's listing is not", async () => {
    const first = await createSeller(db());
    const original = await photo(2);
    const firstId = await submit(first.seller.id, first.user.id, [(await uploadOf(first.user.id, original)).id]);
    expect(await moderateListing(firstId)).toBe("activated");
    expect(await product(firstId)).toMatchObject({ fraudScore: 0, cases: [] });

    const thief = await createSeller(db());
    const exactId = await submit(thief.seller.id, thief.user.id, [(await uploadOf(thief.user.id, original)).id]);
    expect(await moderateListing(exactId)).toBe("case_opened");
    const exact = await product(exactId);
    expect(exact.status).toBe("pending_review");
    expect(exact.fraudScore).toBe(80);
    expect(JSON.stringify(exact.cases[0].reasons)).toMatch(
      /an exact copy of one in \\"Walnut desk lamp\\" by another shop/,
    );

    const reencoded = await sharp(original).resize(400).webp({ quality: 55 }).toBuffer();
    const other = await createSeller(db());
    const copyId = await submit(other.seller.id, other.user.id, [(await uploadOf(other.user.id, reencoded)).id]);
    expect(await moderateListing(copyId)).toBe("case_opened");
    expect(JSON.stringify((await product(copyId)).cases[0].reasons)).toMatch(/duplicate_photo.*a copy of one in/);

    // A different picture by the second seller goes live.
    const ownId = await submit(thief.seller.id, thief.user.id, [(await uploadOf(thief.user.id, await photo(9))).id]);
    expect(await moderateListing(ownId)).toBe("activated");
  });

  it("a price far below its category (median/MAD) gets a fraud score that ranking reads; a new shop's is held", async () => {
    const category = (await createCategory(db())).id;
    const { seller } = await createSeller(db());
    for (const price of [9000, 9500, 10000, 10200, 10800, 11000, 12000, 99_000])
      await createProduct(db(), { sellerId: seller.id, categoryId: category, priceCents: price });
    const established = await createSeller(db());
    await db().sellerProfile.update({
      where: { id: established.seller.id },
      data: { createdAt: new Date(Date.now() - 400 * 86_400_000) },
    });
    let seed = 100;
    const list = async (s: { seller: { id: string }; user: { id: string } }, priceCents: number) => {
      const { productId } = await createListing({
        sellerId: s.seller.id,
        actorId: s.user.id,
        input: {
          title: "Road bike helmet",
          categoryId: category,
          priceCents,
          images: [(await uploadOf(s.user.id, await photo(seed++))).id],
        },
      });
      return { outcome: await moderateListing(productId), ...(await product(productId)) };
    };
    // The one 990.00 listing does not move the median: 101.00 at 9% off is ordinary.
    expect(await list(established, 9200)).toMatchObject({ outcome: "activated", fraudScore: 0 });
    expect(await list(established, 1500)).toMatchObject({ outcome: "activated", fraudScore: 45 });
    const fresh = await createSeller(db());
    const held = await list(fresh, 1500);
    expect(held).toMatchObject({ outcome: "case_opened", fraudScore: 75 });
  });
});
