// The replica tier: a real primary and a streaming replica of it (test/replica-global-setup.ts).
// Lag is made deterministic by pausing the replica's WAL replay (pg_wal_replay_pause): what the
// primary commits meanwhile is received but not visible on the replica until replay resumes.
import { randomUUID } from "node:crypto";

import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { browseProducts } from "@/lib/catalog/browse-products";
import { getCachedPublicProduct } from "@/lib/catalog/get-cached-public-product";
import { getPublicProduct } from "@/lib/catalog/get-public-product";
import { getSellerListing } from "@/lib/catalog/get-seller-listing";
import { listStorefrontHome } from "@/lib/catalog/list-storefront-home";
import { revalidateCachedProduct } from "@/lib/catalog/revalidate-cached-product";
import { updateListing } from "@/lib/catalog/update-listing";
import { assertServerEnv } from "@/lib/env";
import { getOrderForViewer } from "@/lib/orders/get-order-for-viewer";
import { listBuyerOrders } from "@/lib/orders/list-buyer-orders";
import { createPostgresEngine } from "@/lib/search/engines/postgres-engine";
import { createCategory, createProduct, createSeller } from "@/test/factories";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { awaitReplicas } from "./await-replicas";
import { createPrismaClient, db } from "./client";
import { readDb } from "./read-db";
import { replicaSet } from "./replicas";

const replicaUrl = process.env.DATABASE_REPLICA_URLS!;
let control: pg.Client; // a superuser session on the replica, to pause and resume replay

/** Whether the connection a client uses is a standby's. */
async function inRecovery(client: { $queryRawUnsafe: (sql: string) => Promise<unknown> }): Promise<boolean> {
  const rows = (await client.$queryRawUnsafe("SELECT pg_is_in_recovery() AS r")) as { r: boolean }[];
  return rows[0].r;
}

async function pauseReplay() {
  await control.query("SELECT pg_wal_replay_pause()");
  // Paused once the startup process has stopped between records ("pausing" until then).
  for (let i = 0; i < 200; i++) {
    const { rows } = await control.query<{ s: string }>("SELECT pg_get_wal_replay_pause_state() AS s");
    if (rows[0].s === "paused") return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("replay did not pause");
}

async function resumeReplay() {
  await control.query("SELECT pg_wal_replay_resume()");
}

/** Replays everything, then lets the replica serve reads again. */
async function caughtUp() {
  await resumeReplay();
  expect(await awaitReplicas(10_000)).toBe(true);
  await replicaSet()!.probe();
  for (let i = 0; i < 100 && !replicaSet()!.status()[0].usable; i++) {
    await new Promise((r) => setTimeout(r, 50));
    await replicaSet()!.probe();
  }
  expect(replicaSet()!.status()[0]).toMatchObject({ usable: true });
}

beforeAll(async () => {
  control = new pg.Client({ connectionString: replicaUrl });
  await control.connect();
});
afterAll(async () => {
  await resumeReplay();
  await control.end();
});
beforeEach(caughtUp);
afterEach(resumeReplay);

describe("catalog reads on the replica", () => {
  it("readDb() is a connection to the standby, db() to the primary", async () => {
    expect(await inRecovery(readDb())).toBe(true);
    expect(await inRecovery(db())).toBe(false);
  });

  it("the storefront, a category and the shared product read model show a new listing only once the replica has it", async () => {
    const { seller } = await createSeller(db());
    const category = await createCategory(db());
    await pauseReplay();
    const product = await createProduct(db(), { sellerId: seller.id, categoryId: category.id, title: "Replica lamp" });

    // Read at once: the replica is within the lag bound, so it serves them, and lacks the row.
    expect((await listStorefrontHome()).newest.map((p) => p.id)).not.toContain(product.id);
    expect((await browseProducts({ category: category.slug, sort: "newest", page: 1 })).total).toBe(0);
    expect(await getPublicProduct(product.id, "replica")).toBeNull();
    // The signed-in product page reads the primary.
    expect(await getPublicProduct(product.id)).toMatchObject({ title: "Replica lamp" });

    await caughtUp();
    expect((await listStorefrontHome()).newest.map((p) => p.id)).toContain(product.id);
    expect((await browseProducts({ category: category.slug, sort: "newest", page: 1 })).total).toBe(1);
    expect(await getPublicProduct(product.id, "replica")).toMatchObject({ title: "Replica lamp" });
  });

  it("search suggestions come from the replica", async () => {
    const { seller } = await createSeller(db());
    const category = await createCategory(db());
    const word = `zanzibar${randomUUID()
      .slice(0, 6)
      .replace(/[^a-z]/g, "q")}`;
    await pauseReplay();
    const product = await createProduct(db(), { sellerId: seller.id, categoryId: category.id, title: `${word} vase` });
    const engine = createPostgresEngine();
    await engine.syncProducts([product.id]); // the indexer's write, on the primary
    const suggest = () => engine.suggestTitles({ text: word, groups: [[[word]]], limit: 5 });
    expect(await suggest()).toEqual([]);
    await caughtUp();
    expect(await suggest()).toEqual([{ productId: product.id, title: `${word} vase` }]);
  });
});

describe("writes and the reader's own writes on the primary", () => {
  it("a replica refuses writes; every write path uses the primary", async () => {
    await expect(readDb().$executeRaw`CREATE TEMP TABLE t (x int)`).rejects.toThrow(/read-only transaction/);
    const { seller } = await createSeller(db());
    await pauseReplay();
    // A write while the replica is paused succeeds: it never touched the replica.
    const category = await createCategory(db());
    expect(await db().category.count({ where: { id: category.id } })).toBe(1);
    expect(await readDb().category.count({ where: { id: category.id } })).toBe(0);
    expect(seller.id).toBeTruthy();
  });

  it("a buyer sees their own order, paid, right after paying while the replica lags", async () => {
    const s = await onboardedSeller();
    const buyer = await buyerWithAddress();
    await pauseReplay();
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 4_200 }] });
    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    await deliver(await eventsAbout([pi.id]));
    const orderId = checkout.orders[0].order_id;

    const order = await getOrderForViewer({ orderId, userId: buyer.id });
    expect(order).toMatchObject({ id: orderId, status: "paid", viewerIs: "buyer" });
    expect((await listBuyerOrders({ buyerId: buyer.id })).rows.map((r) => r.id)).toEqual([orderId]);
    // The replica really is behind: it has not got the order yet.
    const onReplica = await control.query("SELECT 1 FROM orders WHERE id = $1", [orderId]);
    expect(onReplica.rowCount).toBe(0);
  });

  it("a seller sees their own listing edit at once, and the shared page is never rebuilt from a replica without it", async () => {
    const { seller, user } = await createSeller(db());
    const category = await createCategory(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId: category.id, title: "Teapot" });
    await caughtUp();
    expect(await getCachedPublicProduct(product.id)).toMatchObject({ attributes: {} });

    await pauseReplay();
    const started = Date.now();
    // As the seller's edit action does: the edit, then the cached page expired.
    await updateListing({
      sellerId: seller.id,
      actorId: user.id,
      productId: product.id,
      input: { attributes: { colour: "teal" } },
    });
    await revalidateCachedProduct(product.id);
    const waitedMs = Date.now() - started;

    expect((await getSellerListing({ sellerId: seller.id, productId: product.id })).attributes).toEqual({
      colour: "teal",
    });
    expect(await getPublicProduct(product.id)).toMatchObject({ attributes: { colour: "teal" } });
    // The expiry waited for the replica (at most the lag bound), found it behind and took it
    // off reads, so the read model every visitor shares is rebuilt from the primary.
    expect(waitedMs).toBeGreaterThanOrEqual(Number(process.env.DATABASE_REPLICA_MAX_LAG_MS) - 50);
    expect(replicaSet()!.status()[0]).toMatchObject({ usable: false });
    expect(await inRecovery(readDb())).toBe(false);
    expect(await getCachedPublicProduct(product.id)).toMatchObject({ attributes: { colour: "teal" } });

    // Caught up, the replica serves reads again, and has the edit.
    await caughtUp();
    expect(await inRecovery(readDb())).toBe(true);
    expect(await getPublicProduct(product.id, "replica")).toMatchObject({ attributes: { colour: "teal" } });
  });

  it("a replica that is down serves nothing; with none left, reads go to the primary", async () => {
    const configured = process.env.DATABASE_REPLICA_URLS;
    try {
      process.env.DATABASE_REPLICA_URLS = `${replicaUrl},postgresql://postgres:postgres@127.0.0.1:1/nothing`;
      assertServerEnv();
      await replicaSet()!.probe();
      expect(replicaSet()!.status()).toEqual([
        expect.objectContaining({ usable: true, problem: null }),
        expect.objectContaining({ usable: false, problem: expect.stringMatching(/^unreachable/) }),
      ]);
      for (let i = 0; i < 10; i++) expect(await inRecovery(readDb())).toBe(true);

      process.env.DATABASE_REPLICA_URLS = "postgresql://postgres:postgres@127.0.0.1:1/nothing";
      assertServerEnv();
      await replicaSet()!.probe();
      expect(await inRecovery(readDb())).toBe(false);
    } finally {
      process.env.DATABASE_REPLICA_URLS = configured;
      assertServerEnv();
    }
  });
});

describe("@prisma/extension-read-replicas with @prisma/adapter-pg", () => {
  it("routes a model read to the replica client and a write to the primary", async () => {
    const replica = createPrismaClient(replicaUrl, 2);
    const extended = db().$extends(readReplicas({ replicas: [replica] }));
    try {
      await pauseReplay();
      const category = await createCategory(db());
      // findMany/count go to the replica (which lacks the row); $primary() and writes to the primary.
      expect(await extended.category.count({ where: { id: category.id } })).toBe(0);
      expect(await extended.$primary().category.count({ where: { id: category.id } })).toBe(1);
      const updated = await extended.category.update({ where: { id: category.id }, data: { name: "Renamed" } });
      expect(updated.name).toBe("Renamed");
      expect(await inRecovery(extended.$replica())).toBe(true);
    } finally {
      await replica.$disconnect();
    }
  });
});
