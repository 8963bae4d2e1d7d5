import { randomUUID } from "node:crypto";

import Redis from "ioredis";
import { beforeAll, describe, expect, inject, it } from "vitest";

import type { CartLine } from "@/lib/cart/cart-store";
import { createListing } from "@/lib/catalog/create-listing";
import { updateListing } from "@/lib/catalog/update-listing";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { loadSearchSource } from "@/lib/search/engines/search-source";
import { createBuyerWithAddress, createCategory, createSeller } from "@/test/factories";

import { memoryAdmissionGate, redisAdmissionGate, type AdmissionGate } from "./admission-gate";
import { cancelUnpaidOrder } from "./cancel-unpaid-order";
import { createCheckout } from "./create-checkout";

const redisUrl = inject("redisUrl");
let categoryId: number;
let buyers: { id: string; addressId: string }[] = [];
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
  buyers = await Promise.all(Array.from({ length: 30 }, () => createBuyerWithAddress(db())));
});

const SIZES = ["S", "M", "L"];
const COLOURS = ["Blue", "Black"];

/** A live T-shirt in S/M/L × Blue/Black, each with its own stock (`stock(size, colour)`) and SKU. */
async function tshirt(stock: (size: string, colour: string) => number, opts: { hot?: boolean } = {}) {
  const { seller, user } = await createSeller(db());
  const variants = SIZES.flatMap((s) =>
    COLOURS.map((c) => ({
      options: [s, c],
      sku: `TEE-${s}-${c.toUpperCase()}`,
      priceCents: s === "L" ? 1800 : 1500,
      inventoryCount: stock(s, c),
    })),
  );
  const { productId } = await createListing({
    sellerId: seller.id,
    actorId: user.id,
    input: {
      title: `T-shirt ${randomUUID().slice(0, 6)}`,
      categoryId,
      draft: true,
      options: [
        { name: "Size", values: SIZES },
        { name: "Colour", values: COLOURS },
      ],
      variants,
    },
  });
  await db().product.update({ where: { id: productId }, data: { status: "active", isHot: opts.hot ?? false } });
  const rows = await db().productVariant.findMany({ where: { productId } });
  const variant = (label: string) => rows.find((v) => v.label === label)!;
  return { productId, sellerId: seller.id, actorId: user.id, variant };
}

const line = (productId: string, variantId: string | null, quantity = 1): CartLine => ({
  productId,
  variantId,
  quantity,
  unitPriceCentsAdded: 1500,
  addedAt: Date.now(),
});

function attempt(gate: AdmissionGate, buyer: { id: string; addressId: string }, lines: CartLine[]) {
  return createCheckout({
    buyerId: buyer.id,
    cartKey: `u:${buyer.id}`,
    lines,
    gate,
    idempotencyKey: randomUUID(),
    input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId },
  });
}

async function stockByLabel(productId: string) {
  const vs = await db().productVariant.findMany({ where: { productId }, orderBy: { position: "asc" } });
  const p = await db().product.findUniqueOrThrow({ where: { id: productId } });
  return { total: p.inventoryCount, byLabel: Object.fromEntries(vs.map((v) => [v.label, v.inventoryCount])) };
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return { status: err.status, message: err.message, details: err.details };
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("a listing with variants", () => {
  it("keeps each variant's stock and price, the total on the product, the lowest price as its price, option values as search pairs", async () => {
    const t = await tshirt((s, c) => (s === "M" ? (c === "Blue" ? 4 : 2) : 3));
    const { total, byLabel } = await stockByLabel(t.productId);
    expect(byLabel).toEqual({
      "S / Blue": 3,
      "S / Black": 3,
      "M / Blue": 4,
      "M / Black": 2,
      "L / Blue": 3,
      "L / Black": 3,
    });
    expect(total).toBe(18);
    const p = await db().product.findUniqueOrThrow({ where: { id: t.productId } });
    expect(p.priceCents).toBe(1500);
    const history = await db().inventoryAdjustment.findMany({ where: { productId: t.productId, reason: "initial" } });
    expect(history).toHaveLength(6);
    expect(history.every((h) => h.variantId)).toBe(true);
    const [source] = await loadSearchSource([t.productId]);
    expect(source.attribute_pairs).toEqual(
      expect.arrayContaining(["size:S", "size:M", "size:L", "colour:Blue", "colour:Black"]),
    );
  });

  it.each([
    [
      "more than three options",
      {
        options: ["A", "B", "C", "D"].map((n) => ({ name: n, values: ["x"] })),
        variants: [{ options: ["x", "x", "x", "x"], sku: "X", priceCents: 100, inventoryCount: 1 }],
      },
      "options",
    ],
    [
      "a SKU used twice",
      {
        options: [{ name: "Size", values: ["S", "M"] }],
        variants: [
          { options: ["S"], sku: "TEE", priceCents: 100, inventoryCount: 1 },
          { options: ["M"], sku: "tee", priceCents: 100, inventoryCount: 1 },
        ],
      },
      "variants.1.sku",
    ],
    [
      "a combination listed twice",
      {
        options: [{ name: "Size", values: ["S"] }],
        variants: [
          { options: ["S"], sku: "A", priceCents: 100, inventoryCount: 1 },
          { options: ["S"], sku: "B", priceCents: 100, inventoryCount: 1 },
        ],
      },
      "variants.1.options",
    ],
    [
      "negative stock",
      {
        options: [{ name: "Size", values: ["S"] }],
        variants: [{ options: ["S"], sku: "A", priceCents: 100, inventoryCount: -1 }],
      },
      "variants.0.inventoryCount",
    ],
    [
      "a negative price",
      {
        options: [{ name: "Size", values: ["S"] }],
        variants: [{ options: ["S"], sku: "A", priceCents: -5, inventoryCount: 1 }],
      },
      "variants.0.priceCents",
    ],
    [
      "a value that is not one of the option's",
      {
        options: [{ name: "Size", values: ["S"] }],
        variants: [{ options: ["XL"], sku: "A", priceCents: 100, inventoryCount: 1 }],
      },
      "variants.0.options.0",
    ],
  ])("refuses %s with a 400 naming the field, and writes nothing", async (_name, set, field) => {
    const { seller, user } = await createSeller(db());
    const r = await refusal(
      createListing({
        sellerId: seller.id,
        actorId: user.id,
        input: { title: "Tee", categoryId, draft: true, ...set },
      }),
    );
    expect(r.status).toBe(400);
    expect((r.details as { fields: Record<string, string> }).fields).toHaveProperty([field]);
    expect(await db().product.count({ where: { sellerId: seller.id } })).toBe(0);
  });

  it("an edit keeps a variant that stays (same id), moves its stock by the difference and drops the others", async () => {
    const t = await tshirt(() => 2);
    const mBlue = t.variant("M / Blue");
    await updateListing({
      sellerId: t.sellerId,
      actorId: t.actorId,
      productId: t.productId,
      input: {
        options: [
          { name: "Size", values: ["M"] },
          { name: "Colour", values: ["Blue"] },
        ],
        variants: [{ options: ["M", "Blue"], sku: "TEE-M-B2", priceCents: 2100, inventoryCount: 7 }],
      },
    });
    const after = await db().productVariant.findMany({ where: { productId: t.productId } });
    expect(after.map((v) => [v.id, v.sku, v.inventoryCount])).toEqual([[mBlue.id, "TEE-M-B2", 7]]);
    const p = await db().product.findUniqueOrThrow({ where: { id: t.productId } });
    expect([p.inventoryCount, p.priceCents]).toEqual([7, 2100]);
  });
});

describe("checkout per variant", () => {
  it("buying an M in blue takes that variant's stock alone (and the product's total); cancelling gives it back", async () => {
    const t = await tshirt(() => 5);
    const mBlue = t.variant("M / Blue");
    const r = await attempt(memoryAdmissionGate(), buyers[0], [line(t.productId, mBlue.id, 2)]);
    const { byLabel, total } = await stockByLabel(t.productId);
    expect(byLabel["M / Blue"]).toBe(3);
    expect(
      Object.entries(byLabel)
        .filter(([l]) => l !== "M / Blue")
        .every(([, n]) => n === 5),
    ).toBe(true);
    expect(total).toBe(28);
    const item = await db().orderItem.findFirstOrThrow({ where: { orderId: r.checkout.orders[0].orderId } });
    expect([item.variantId, item.variantLabel, item.unitPriceCents]).toEqual([mBlue.id, "M / Blue", 1500]);
    const adj = await db().inventoryAdjustment.findFirstOrThrow({
      where: { productId: t.productId, reason: "order_reserved" },
    });
    expect([adj.variantId, adj.delta, adj.resultingCount]).toEqual([mBlue.id, -2, 3]);

    await cancelUnpaidOrder({ orderId: r.checkout.orders[0].orderId, actorType: "system", note: "test" });
    expect((await stockByLabel(t.productId)).byLabel["M / Blue"]).toBe(5);
    expect((await stockByLabel(t.productId)).total).toBe(30);
  });

  it("two variants of one listing in one cart are one order with two lines, each variant's stock taken", async () => {
    const t = await tshirt(() => 3);
    const r = await attempt(memoryAdmissionGate(), buyers[1], [
      line(t.productId, t.variant("M / Blue").id),
      line(t.productId, t.variant("L / Black").id, 3),
    ]);
    expect(r.checkout.orders).toHaveLength(1);
    expect(r.checkout.totalCents).toBeGreaterThanOrEqual(1500 + 3 * 1800);
    const { byLabel, total } = await stockByLabel(t.productId);
    expect([byLabel["M / Blue"], byLabel["L / Black"], total]).toEqual([2, 0, 14]);
  });

  it("refuses more than a variant has (409 naming it) although the listing has plenty, and a line that names no variant", async () => {
    const t = await tshirt((s, c) => (s === "M" && c === "Blue" ? 1 : 50));
    const short = await refusal(
      attempt(memoryAdmissionGate(), buyers[2], [line(t.productId, t.variant("M / Blue").id, 2)]),
    );
    expect(short.status).toBe(409);
    expect(short.message).toContain("M / Blue");
    const bare = await refusal(attempt(memoryAdmissionGate(), buyers[2], [line(t.productId, null)]));
    expect(bare.status).toBe(409);
    expect((await stockByLabel(t.productId)).byLabel["M / Blue"]).toBe(1);
  });
});

describe("no overselling in a flash sale, per variant: 20 of M / Blue, 1,500 concurrent attempts", () => {
  const gates: [string, () => AdmissionGate | null][] = [
    ["without Redis (in-process gate)", () => memoryAdmissionGate()],
    [
      "with Redis",
      () => (redisUrl ? redisAdmissionGate(new Redis(redisUrl, { keyPrefix: `vsale-${randomUUID()}:` })) : null),
    ],
  ];
  for (const [name, make] of gates) {
    const gate = make();
    it.skipIf(!gate)(
      `${name}: exactly 20 sold, M / Blue at 0, every other variant untouched, the total their sum`,
      async () => {
        const t = await tshirt((s, c) => (s === "M" && c === "Blue" ? 20 : 4), { hot: true });
        const mBlue = t.variant("M / Blue");
        let rng = 11;
        const rand = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        const results = await Promise.allSettled(
          Array.from({ length: 1500 }, async (_, i) => {
            await new Promise((r) => setTimeout(r, Math.floor(rand() * 20)));
            return attempt(gate!, buyers[i % buyers.length], [line(t.productId, mBlue.id)]);
          }),
        );
        const ok = results.filter((r) => r.status === "fulfilled");
        const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(ok).toHaveLength(20);
        expect(failed.every((f) => (f.reason as { status?: number }).status === 409)).toBe(true);
        const { byLabel, total } = await stockByLabel(t.productId);
        expect(byLabel["M / Blue"]).toBe(0);
        expect(
          Object.entries(byLabel)
            .filter(([l]) => l !== "M / Blue")
            .every(([, n]) => n === 4),
        ).toBe(true);
        expect(total).toBe(20);
        const [sold] = await db().$queryRaw<{ n: number }[]>`
          SELECT coalesce(sum(quantity), 0)::int AS n FROM order_items WHERE variant_id = ${mBlue.id}::uuid`;
        expect(sold.n).toBe(20);
        // The gate counted the variant, not the listing: another size still sells.
        await expect(attempt(gate!, buyers[0], [line(t.productId, t.variant("S / Black").id)])).resolves.toMatchObject({
          status: 201,
        });
      },
      180_000,
    );
  }
});
