import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { recordRequestSignal, type RequestOrigin } from "@/lib/auth/record-request-signal";
import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { resolveReviewCase } from "../moderate/resolve-review-case";
import { recomputeProductRating } from "../ratings/recompute-product-rating";
import { createReview } from "../write/create-review";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

const DAY = 86_400_000;
const device = () => randomBytes(16).toString("hex");
const ip = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const origin = (o: Partial<RequestOrigin> = {}): RequestOrigin => ({
  ip: o.ip ?? ip(),
  deviceId: o.deviceId === undefined ? device() : o.deviceId,
  userAgent: "Mozilla/5.0 (test)",
});

/** A buyer's delivered order of one product and their review of it, posted from `from`. */
async function review(opts: {
  buyerId: string;
  sellerId: string;
  productId: string;
  from: RequestOrigin;
  rating?: number;
  text?: string;
}) {
  const order = await createOrder(db(), {
    buyerId: opts.buyerId,
    sellerId: opts.sellerId,
    productIds: [opts.productId],
  });
  const r = await createReview({
    buyerId: opts.buyerId,
    orderId: order.id,
    input: {
      rating: opts.rating ?? 5,
      title: "Lovely",
      body: opts.text ?? `Arrived quickly, order ${order.id.slice(0, 8)} ${randomBytes(12).toString("hex")}.`,
      images: [],
    },
    origin: opts.from,
  });
  return db().review.findUniqueOrThrow({
    where: { id: r.reviewId },
    select: { id: true, status: true, cases: { select: { status: true, reasons: true } } },
  });
}

const reasonsOf = (r: { cases: { reasons: unknown }[] }) =>
  r.cases.flatMap((c) => (c.reasons as { message: string }[]).map((x) => x.message)).join(" ");

describe("fake reviews", () => {
  it("a ring of three shop owners on one device reviewing each other's shops is held; a stranger's review is not", async () => {
    const ring = await Promise.all([createSeller(db()), createSeller(db()), createSeller(db())]);
    const products = await Promise.all(ring.map((m) => createProduct(db(), { sellerId: m.seller.id, categoryId })));
    const shared = device();
    // Each signed up from the same browser, from different networks.
    for (const m of ring)
      await recordRequestSignal({ userId: m.user.id, action: "sign_up", origin: origin({ deviceId: shared }) });

    const held = [];
    for (let i = 0; i < 3; i++) {
      const next = (i + 1) % 3;
      held.push(
        await review({
          buyerId: ring[i].user.id,
          sellerId: ring[next].seller.id,
          productId: products[next].id,
          from: origin({ deviceId: shared }),
        }),
      );
    }
    for (const r of held) {
      expect(r.status).toBe("held");
      expect(r.cases).toHaveLength(1);
      expect(r.cases[0].status).toBe("open");
      expect(reasonsOf(r)).toMatch(/shares a device with the shop's owner/);
    }

    const stranger = await createUser(db());
    const honest = await review({
      buyerId: stranger.id,
      sellerId: ring[0].seller.id,
      productId: products[0].id,
      from: origin(),
    });
    expect(honest).toMatchObject({ status: "visible", cases: [] });
  });

  it("two shop owners on one IP rating each other: the return rating is held as reciprocal", async () => {
    const [a, b] = await Promise.all([createSeller(db()), createSeller(db())]);
    const [pa, pb] = await Promise.all([
      createProduct(db(), { sellerId: a.seller.id, categoryId }),
      createProduct(db(), { sellerId: b.seller.id, categoryId }),
    ]);
    const home = ip();
    await recordRequestSignal({ userId: b.user.id, action: "sign_in", origin: origin({ ip: home }) });
    // An IP alone is a weak link (a household, a café): the first review stays up...
    const first = await review({
      buyerId: a.user.id,
      sellerId: b.seller.id,
      productId: pb.id,
      from: origin({ ip: home }),
    });
    expect(first.status).toBe("visible");
    // ...but rating each other back from it is a ring.
    const back = await review({
      buyerId: b.user.id,
      sellerId: a.seller.id,
      productId: pa.id,
      from: origin({ ip: home }),
    });
    expect(back.status).toBe("held");
    expect(reasonsOf(back)).toMatch(/rate each other/);
    expect(reasonsOf(back)).toMatch(/shares an IP address/);
  });

  it("a burst of ten 5-star reviews from new accounts on one product is held and left out of its rating until kept", async () => {
    const { seller } = await createSeller(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const regular = await createUser(db());
    await db().user.update({ where: { id: regular.id }, data: { createdAt: new Date(Date.now() - 400 * DAY) } });
    const earlier = await review({
      buyerId: regular.id,
      sellerId: seller.id,
      productId: product.id,
      from: origin(),
      rating: 3,
    });
    expect(earlier.status).toBe("visible");

    const burst = [];
    for (let i = 0; i < 10; i++) {
      const buyer = await createUser(db());
      burst.push(await review({ buyerId: buyer.id, sellerId: seller.id, productId: product.id, from: origin() }));
    }
    const statuses = await db().review.findMany({
      where: { id: { in: burst.map((r) => r.id) } },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(Array(10).fill("held"));
    const lastReasons = reasonsOf(burst[9]);
    expect(lastReasons).toMatch(/five-star reviews from accounts under 30 days old in one day/);

    expect(await recomputeProductRating({ productId: product.id })).toMatchObject({ avg: 3, count: 1 });

    // An admin keeps one: it is shown and counted again.
    const admin = await createUser(db(), { role: "admin" });
    const openCase = await db().moderationCase.findFirstOrThrow({ where: { reviewId: burst[0].id, status: "open" } });
    expect(await resolveReviewCase({ caseId: openCase.id, adminId: admin.id, input: { decision: "keep" } })).toEqual({
      reviewId: burst[0].id,
      reviewStatus: "visible",
    });
    expect(await recomputeProductRating({ productId: product.id })).toMatchObject({ avg: 4, count: 2 });
  });

  it("near-duplicate text across buyers and incentivised wording are held with the reason", async () => {
    const { seller } = await createSeller(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const old = async () => {
      const u = await createUser(db());
      await db().user.update({ where: { id: u.id }, data: { createdAt: new Date(Date.now() - 400 * DAY) } });
      return u;
    };
    const text =
      "This blender is amazing, crushes ice in seconds and the jug is easy to clean. Best purchase this year, highly recommend to everyone!";
    const first = await review({
      buyerId: (await old()).id,
      sellerId: seller.id,
      productId: product.id,
      from: origin(),
      text,
    });
    expect(first.status).toBe("visible");
    const copy = await review({
      buyerId: (await old()).id,
      sellerId: seller.id,
      productId: product.id,
      from: origin(),
      text: text.replace("amazing", "AMAZING!!").replace("this year", "this year."),
    });
    expect(copy.status).toBe("held");
    expect(reasonsOf(copy)).toMatch(/% the same as another buyer's review/);

    const paid = await review({
      buyerId: (await old()).id,
      sellerId: seller.id,
      productId: product.id,
      from: origin(),
      text: "I received this kettle for free in exchange for my honest review. It boils fast.",
    });
    expect(paid.status).toBe("held");
    expect(reasonsOf(paid)).toMatch(/says it was paid for/);
  });
});
