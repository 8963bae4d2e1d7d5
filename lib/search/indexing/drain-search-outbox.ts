// The search indexer: an outbox consumer. Each drain reads a batch of outbox events after
// the consumer's cursor, brings the search documents of the products they name up to date,
// credits purchases to searches, and advances the cursor. One drain runs at a time across
// all workers (an advisory lock). On PostgreSQL the documents and the cursor change in one
// transaction; for Meilisearch the push is a network call, so it happens outside any
// transaction and the cursor moves only after Meilisearch confirmed it (a crash in between
// re-pushes the batch, which is harmless: upserts and deletes are idempotent).
import "server-only";

import pg from "pg";

import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";

import { getSearchEngine } from "../engines/get-search-engine";
import { attributeSearchPurchases } from "../events/attribute-search-purchases";
import type { SearchEngine } from "../search-types";
import { bumpSearchGeneration } from "./bump-search-generation";
import { advanceCursor, type GapSighting } from "./outbox-cursor";

export const SEARCH_CONSUMER = "search-index";
/** Advisory lock keys: one drain at a time; one reindex or bootstrap at a time. */
export const SEARCH_INDEX_LOCK = 4_207_404;
export const SEARCH_REINDEX_LOCK = 4_207_405;
const DEFAULT_BATCH = 500;
const PRODUCT_EVENT_PREFIX = "product.";
const ORDER_PURCHASE_EVENTS = new Set(["order.created", "order.paid"]);

type OutboxRow = { id: bigint; aggregate_type: string; aggregate_id: string; event_type: string };

export type DrainResult =
  | { status: "locked" }
  | { status: "not_bootstrapped" }
  | { status: "drained"; events: number; products: number; cursor: bigint; more: boolean };

// Per process: holes the cursor waits on, and events above the cursor already processed.
const memory = { gaps: new Map<bigint, GapSighting>(), processed: new Set<bigint>() };

async function readBatch(client: Tx, cursor: bigint, batchSize: number) {
  // Events above a hole the cursor waits on were processed already; read past them.
  const limit = batchSize + Math.min(memory.processed.size, 10 * batchSize);
  const events = await client.$queryRaw<OutboxRow[]>`
    SELECT id, aggregate_type, aggregate_id, event_type FROM outbox_events WHERE id > ${cursor} ORDER BY id LIMIT ${limit}`;
  const [snap] = await client.$queryRaw<{ xmin: string; xmax: string }[]>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`;
  return { events, full: events.length === limit, xmin: BigInt(snap.xmin), xmax: BigInt(snap.xmax) };
}

/** Product ids named by these events (a seller event names all of the seller's products). */
async function productIdsOf(client: Tx, events: OutboxRow[]): Promise<{ productIds: string[]; orderIds: string[] }> {
  const products = new Set<string>();
  const sellers = new Set<string>();
  const orders = new Set<string>();
  for (const e of events) {
    if (e.aggregate_type === "product" && e.event_type.startsWith(PRODUCT_EVENT_PREFIX)) products.add(e.aggregate_id);
    else if (e.aggregate_type === "seller") sellers.add(e.aggregate_id);
    else if (e.aggregate_type === "order" && ORDER_PURCHASE_EVENTS.has(e.event_type)) orders.add(e.aggregate_id);
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const sellerIds = [...sellers].filter((s) => uuid.test(s));
  if (sellerIds.length) {
    const rows = await client.$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM products WHERE seller_id = ANY(${sellerIds}::uuid[])`;
    for (const r of rows) products.add(r.id);
  }
  return { productIds: [...products].filter((p) => uuid.test(p)), orderIds: [...orders].filter((o) => uuid.test(o)) };
}

function plan(cursor: bigint, batch: Awaited<ReturnType<typeof readBatch>>) {
  const next = advanceCursor({
    cursor,
    seen: batch.events.map((e) => e.id),
    gaps: memory.gaps,
    nowMs: Date.now(),
    xminNow: batch.xmin,
    xmaxNow: batch.xmax,
  });
  const fresh = batch.events.filter((e) => !memory.processed.has(e.id));
  return { next, fresh };
}

function remember(next: bigint, fresh: OutboxRow[]) {
  for (const e of fresh) if (e.id > next) memory.processed.add(e.id);
  for (const id of memory.processed) if (id <= next) memory.processed.delete(id);
}

async function drainInTransaction(engine: SearchEngine, limit: number): Promise<DrainResult> {
  return db().$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${SEARCH_INDEX_LOCK}) AS locked`;
      if (!locked) return { status: "locked" } as const;
      const rows = await tx.$queryRaw<
        { last_id: bigint }[]
      >`SELECT last_id FROM outbox_cursors WHERE consumer = ${SEARCH_CONSUMER}`;
      if (rows.length === 0) return { status: "not_bootstrapped" } as const;
      const cursor = rows[0].last_id;
      const batch = await readBatch(tx, cursor, limit);
      const { next, fresh } = plan(cursor, batch);
      const { productIds, orderIds } = await productIdsOf(tx, fresh);
      await engine.syncProducts(productIds, tx);
      await attributeSearchPurchases(tx, orderIds);
      if (next !== cursor)
        await tx.$executeRaw`UPDATE outbox_cursors SET last_id = ${next}, updated_at = CURRENT_TIMESTAMP WHERE consumer = ${SEARCH_CONSUMER}`;
      remember(next, fresh);
      return {
        status: "drained",
        events: fresh.length,
        products: productIds.length,
        cursor: next,
        more: batch.full && fresh.length > 0,
      } as const;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Runs `work` holding an advisory lock on a connection of its own; null when another holds it (unless `wait`). */
export async function withAdvisoryLock<T>(
  key: number,
  work: () => Promise<T>,
  opts: { wait?: boolean; connectionString?: string } = {},
): Promise<T | null> {
  const client = new pg.Client({ connectionString: opts.connectionString ?? env().DATABASE_URL });
  client.on("error", () => {});
  await client.connect();
  try {
    if (opts.wait) await client.query("SELECT pg_advisory_lock($1)", [key]);
    else if (
      !(await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key])).rows[0].locked
    )
      return null;
    return await work();
  } finally {
    // Closing the session releases its advisory locks.
    await client.end().catch(() => {});
  }
}

async function drainOutsideTransaction(engine: SearchEngine, limit: number): Promise<DrainResult> {
  const result = await withAdvisoryLock(SEARCH_INDEX_LOCK, async (): Promise<DrainResult> => {
    const rows = await db().$queryRaw<
      { last_id: bigint }[]
    >`SELECT last_id FROM outbox_cursors WHERE consumer = ${SEARCH_CONSUMER}`;
    if (rows.length === 0) return { status: "not_bootstrapped" };
    const cursor = rows[0].last_id;
    const batch = await db().$transaction((tx) => readBatch(tx, cursor, limit));
    const { next, fresh } = plan(cursor, batch);
    const { productIds, orderIds } = await db().$transaction((tx) => productIdsOf(tx, fresh));
    await engine.syncProducts(productIds);
    await db().$transaction(async (tx) => {
      await attributeSearchPurchases(tx, orderIds);
      await tx.$executeRaw`UPDATE outbox_cursors SET last_id = ${next}, updated_at = CURRENT_TIMESTAMP WHERE consumer = ${SEARCH_CONSUMER} AND last_id = ${cursor}`;
    });
    remember(next, fresh);
    return {
      status: "drained",
      events: fresh.length,
      products: productIds.length,
      cursor: next,
      more: batch.full && fresh.length > 0,
    };
  });
  return result ?? { status: "locked" };
}

/** Processes one batch of outbox events into the search index. */
export async function drainSearchOutbox(
  opts: { engine?: SearchEngine; batchSize?: number } = {},
): Promise<DrainResult> {
  const engine = opts.engine ?? getSearchEngine();
  const limit = opts.batchSize ?? DEFAULT_BATCH;
  const result = engine.syncInTransaction
    ? await drainInTransaction(engine, limit)
    : await drainOutsideTransaction(engine, limit);
  // After the commit: a search computed from now on sees the change, so earlier cached answers go stale.
  if (result.status === "drained" && result.products > 0) await bumpSearchGeneration();
  return result;
}

/** Drains until the outbox is caught up (or `maxBatches` ran); returns events processed. */
export async function drainSearchOutboxFully(
  opts: { engine?: SearchEngine; batchSize?: number; maxBatches?: number } = {},
): Promise<number> {
  let total = 0;
  for (let i = 0; i < (opts.maxBatches ?? 100); i++) {
    const r = await drainSearchOutbox(opts);
    if (r.status !== "drained") break;
    total += r.events;
    if (!r.more || r.events === 0) break;
  }
  return total;
}

/** Testing hook: forget the per-process gap and processed-id memory. */
export function resetIndexerMemory(): void {
  memory.gaps.clear();
  memory.processed.clear();
}
