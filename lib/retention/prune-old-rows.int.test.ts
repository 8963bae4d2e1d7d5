import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { senderBoss } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { createUser } from "@/test/factories";

import { pruneOldRows } from "./prune-old-rows";

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000);
const DAYS = 24;
// The live lifetime the worker passes (SESSION_MAX_AGE_SECONDS): 30 days.
const opts = { sessionMaxAgeSeconds: 30 * DAYS * 3600 };

async function outboxEvent(createdAt: Date): Promise<bigint> {
  const [row] = await db().$queryRaw<{ id: bigint }[]>`
    INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, created_at)
    VALUES ('product', ${randomUUID()}, 'product.updated', '{}', ${createdAt}) RETURNING id`;
  return row.id;
}

const outboxIds = async () =>
  (await db().outboxEvent.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);

describe("pruneOldRows", () => {
  it("deletes outbox events only once they are old and behind every cursor and every waiting dispatch job", async () => {
    await outboxEvent(ago(10 * DAYS));
    const b = await outboxEvent(ago(9 * DAYS));
    const c = await outboxEvent(ago(8 * DAYS));
    const recent = await outboxEvent(ago(1));
    // The search indexer has read up to b; c is old but not yet indexed.
    await db()
      .$executeRaw`INSERT INTO outbox_cursors (consumer, last_id, updated_at) VALUES ('test-consumer', ${b}, now())`;
    // A dispatch job for b is still waiting (retrying, say).
    const jobId = await enqueueJob({ name: JOBS.dispatchDomainEvent, data: { eventId: String(b) } });

    expect((await pruneOldRows(opts)).outbox_events).toBe(1);
    expect(await outboxIds()).toEqual([b, c, recent]);

    await (await senderBoss()).cancel(JOBS.dispatchDomainEvent, jobId!);
    expect((await pruneOldRows(opts)).outbox_events).toBe(1);
    expect(await outboxIds()).toEqual([c, recent]);

    // Once the cursor passes everything, only the young event stays.
    await db().$executeRaw`UPDATE outbox_cursors SET last_id = ${recent} WHERE consumer = 'test-consumer'`;
    expect((await pruneOldRows(opts)).outbox_events).toBe(1);
    expect(await outboxIds()).toEqual([recent]);
  });

  it("deletes old search events in batches, idempotency keys past 48 h, and keeps the recent ones", async () => {
    const user = await createUser(db());
    // More than two batches of 5,000, to go round the loop.
    await db().$executeRaw`
      INSERT INTO search_events (kind, query, user_id, created_at)
      SELECT 'impression', 'q' || i, ${user.id}::uuid, ${ago(40 * DAYS)} FROM generate_series(1, 12001) i`;
    await db().$executeRaw`
      INSERT INTO search_events (kind, query, user_id, created_at) VALUES ('click', 'recent', ${user.id}::uuid, ${ago(6 * DAYS)})`;
    await db().$executeRaw`
      INSERT INTO idempotency_keys (id, scope, key, request_hash, created_at, completed_at) VALUES
        (gen_random_uuid(), 'orders:create:x', 'old-key-123', 'h', ${ago(49)}, ${ago(49)}),
        (gen_random_uuid(), 'orders:create:x', 'live-key-12', 'h', ${ago(23)}, ${ago(23)})`;

    const counts = await pruneOldRows(opts);
    expect(counts.search_events).toBe(12001);
    expect(counts.idempotency_keys).toBe(1);
    expect((await db().searchEvent.findMany({ select: { query: true } })).map((r) => r.query)).toEqual(["recent"]);
    expect((await db().idempotencyKey.findMany({ select: { key: true } })).map((r) => r.key)).toEqual(["live-key-12"]);
  });

  it("deletes sent and failed notifications past the window but never a queued one; old webhook ids and ended rate windows", async () => {
    const user = await createUser(db());
    const note = (status: "sent" | "failed" | "queued", createdAt: Date) =>
      db().notification.create({
        data: {
          userId: user.id,
          channel: "email",
          template: "test",
          toAddress: user.email,
          subject: status,
          body: "",
          status,
          createdAt,
        },
      });
    await note("sent", ago(200 * DAYS));
    await note("failed", ago(200 * DAYS));
    const pending = await note("queued", ago(200 * DAYS));
    const fresh = await note("sent", ago(10 * DAYS));
    await db().processedWebhookEvent.createMany({
      data: [
        { eventId: "evt_old", type: "charge.succeeded", processedAt: ago(31 * DAYS) },
        { eventId: "evt_recent", type: "charge.succeeded", processedAt: ago(2 * DAYS) },
      ],
    });
    await db().rateLimitBucket.createMany({
      data: [
        { key: "ended", count: 3, expiresAt: ago(2) },
        { key: "open", count: 1, expiresAt: new Date(Date.now() + 60_000) },
      ],
    });

    const counts = await pruneOldRows(opts);
    expect(counts).toMatchObject({ notifications: 2, processed_webhook_events: 1, rate_limit_buckets: 1 });
    expect((await db().notification.findMany({ select: { id: true } })).map((n) => n.id).sort()).toEqual(
      [pending.id, fresh.id].sort(),
    );
    expect((await db().processedWebhookEvent.findMany()).map((e) => e.eventId)).toEqual(["evt_recent"]);
    expect((await db().rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["open"]);

    // Nothing more to do: a second run deletes nothing.
    expect(Object.values(await pruneOldRows(opts)).every((n) => n === 0)).toBe(true);
  });

  it("deletes sessions ended or expired past the window and emailed links used or expired past it; live ones stay", async () => {
    const user = await createUser(db());
    const session = (data: { createdAt: Date; lastSeenAt: Date; revokedAt?: Date }) =>
      db().userSession.create({ data: { userId: user.id, method: "credentials", ...data }, select: { id: true } });
    // Defaults: 90 days after a session ended, 30 days after a link was used or expired.
    await session({ createdAt: ago(200 * DAYS), lastSeenAt: ago(100 * DAYS), revokedAt: ago(91 * DAYS) });
    // Unused for 30 days it expired; 121 days unused is 91 days past that.
    await session({ createdAt: ago(200 * DAYS), lastSeenAt: ago(121 * DAYS) });
    const recentlyRevoked = await session({
      createdAt: ago(200 * DAYS),
      lastSeenAt: ago(100 * DAYS),
      revokedAt: ago(89 * DAYS),
    });
    const recentlyExpired = await session({ createdAt: ago(200 * DAYS), lastSeenAt: ago(119 * DAYS) });
    const live = await session({ createdAt: ago(400 * DAYS), lastSeenAt: ago(1) });

    const token = (data: { createdAt: Date; expiresAt: Date; usedAt?: Date }) =>
      db().accountToken.create({
        data: {
          userId: user.id,
          purpose: "password_reset",
          email: user.email,
          tokenHash: randomUUID().replaceAll("-", "").padEnd(64, "0"),
          ...data,
        },
        select: { id: true },
      });
    await token({ createdAt: ago(32 * DAYS), expiresAt: ago(31 * DAYS) });
    await token({ createdAt: ago(40 * DAYS + 1), expiresAt: ago(40 * DAYS - 1), usedAt: ago(40 * DAYS) });
    const usedRecently = await token({
      createdAt: ago(29 * DAYS + 1),
      expiresAt: ago(29 * DAYS - 1),
      usedAt: ago(29 * DAYS),
    });
    const expiredRecently = await token({ createdAt: ago(30 * DAYS), expiresAt: ago(29 * DAYS) });
    const pending = await token({ createdAt: ago(1), expiresAt: new Date(Date.now() + 3_600_000) });

    const signal = (createdAt: Date) =>
      db().requestSignal.create({
        data: { userId: user.id, action: "sign_in", ip: "203.0.113.9", createdAt },
        select: { id: true },
      });
    await signal(ago(181 * DAYS));
    const keptSignal = await signal(ago(179 * DAYS));

    expect(await pruneOldRows(opts)).toMatchObject({ user_sessions: 2, account_tokens: 2, request_signals: 1 });
    expect(
      (await db().requestSignal.findMany({ where: { userId: user.id }, select: { id: true } })).map((r) => r.id),
    ).toEqual([keptSignal.id]);
    const left = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id).sort();
    expect(await left(db().userSession.findMany({ where: { userId: user.id }, select: { id: true } }))).toEqual(
      [recentlyRevoked.id, recentlyExpired.id, live.id].sort(),
    );
    expect(await left(db().accountToken.findMany({ where: { userId: user.id }, select: { id: true } }))).toEqual(
      [usedRecently.id, expiredRecently.id, pending.id].sort(),
    );
  });
});
