import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { BOSS_SCHEMA } from "@/lib/jobs/boss";
import { JOBS } from "@/lib/jobs/queues";
import { logger } from "@/lib/log/logger";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A run stops after this many batches per table; the next hourly run goes on where it stopped,
// so a first run on a large backlog never holds the worker for long.
const MAX_BATCHES = 200;

export type PruneCounts = {
  outbox_events: number;
  search_events: number;
  analytics_events: number;
  idempotency_keys: number;
  notifications: number;
  processed_webhook_events: number;
  rate_limit_buckets: number;
  user_sessions: number;
  account_tokens: number;
  request_signals: number;
};

/**
 * Deletes one batch per statement until a batch comes back short: each statement commits on its
 * own, so no lock is held for longer than one batch and replication never lags behind one huge
 * transaction. `deleteBatch` deletes at most `limit` rows and says how many.
 */
async function inBatches(batch: number, deleteBatch: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const n = await deleteBatch(batch);
    total += n;
    if (n < batch) break;
  }
  return total;
}

/**
 * The hourly housekeeping of tables that only grow, each kept as long as something may still
 * read it (docs/OPERATIONS.md, "Retention"):
 * - outbox_events: past RETENTION_OUTBOX_DAYS and behind every consumer, i.e. below each outbox
 *   cursor and below every event a dispatch job still waits to hand out (or failed to);
 * - search_events: past RETENTION_SEARCH_EVENTS_DAYS; ranking reads search_query_stats, and only
 *   purchase attribution reads these, for clicks in the week before an order;
 * - analytics_events: past RETENTION_ANALYTICS_EVENTS_DAYS and already in the rollups (below their
 *   watermark): the seller's numbers are read from the rollups, so they do not change;
 * - idempotency_keys: past RETENTION_IDEMPOTENCY_HOURS (beyond the 24 h a client may retry);
 * - notifications: sent or failed ones past RETENTION_NOTIFICATIONS_DAYS (queued ones stay);
 * - processed_webhook_events: past RETENTION_WEBHOOK_EVENTS_DAYS (Stripe retries for 3 days);
 * - rate_limit_buckets: windows that ended an hour ago (an expired bucket is reset on use anyway);
 * - user_sessions: signed out or revoked, or unused past the session lifetime (so refused), more
 *   than RETENTION_USER_SESSIONS_DAYS ago: the person's list and export show recent sign-ins;
 * - account_tokens: emailed links used or expired more than RETENTION_ACCOUNT_TOKENS_DAYS ago;
 * - request_signals: the fraud checks' IPs, devices and cards, past RETENTION_REQUEST_SIGNALS_DAYS.
 * Ids grow with time in the two append-only logs, so they are walked by primary key (oldest first,
 * no index on created_at needed), stopping at the first row too young to go.
 */
export async function pruneOldRows(opts: {
  now?: Date;
  /** How long an unused session stays live (lib/auth's SESSION_MAX_AGE_SECONDS; auth sits above this module). */
  sessionMaxAgeSeconds: number;
}): Promise<PruneCounts> {
  const e = env();
  const now = (opts.now ?? new Date()).getTime();
  const before = (ms: number) => new Date(now - ms);
  const batch = e.RETENTION_BATCH_SIZE;

  const outboxCutoff = before(e.RETENTION_OUTBOX_DAYS * DAY);
  const [{ bound }] = await db().$queryRawUnsafe<{ bound: bigint | null }[]>(
    `SELECT least(
       (SELECT min(last_id) + 1 FROM outbox_cursors),
       (SELECT min((data->>'eventId')::bigint) FROM ${BOSS_SCHEMA}.job
         WHERE name = $1 AND state IN ('created', 'retry', 'active', 'failed'))
     ) AS bound`,
    JOBS.dispatchDomainEvent,
  );
  // least() ignores nulls: no cursor and no waiting job means no consumer needs any old row.
  const outboxBound = bound ?? BigInt(Number.MAX_SAFE_INTEGER);

  const counts: PruneCounts = {
    outbox_events: await inBatches(
      batch,
      (limit) => db().$executeRaw`
        DELETE FROM outbox_events WHERE id IN (
          SELECT id FROM outbox_events WHERE id < ${outboxBound} ORDER BY id LIMIT ${limit}
        ) AND created_at < ${outboxCutoff}`,
    ),
    search_events: await inBatches(batch, (limit) => {
      const cutoff = before(e.RETENTION_SEARCH_EVENTS_DAYS * DAY);
      return db().$executeRaw`
        DELETE FROM search_events WHERE id IN (
          SELECT id FROM search_events ORDER BY id LIMIT ${limit}
        ) AND created_at < ${cutoff}`;
    }),
    analytics_events: await inBatches(batch, (limit) => {
      const cutoff = before(e.RETENTION_ANALYTICS_EVENTS_DAYS * DAY);
      return db().$executeRaw`
        DELETE FROM analytics_events WHERE id IN (
          SELECT id FROM analytics_events ORDER BY id LIMIT ${limit}
        ) AND occurred_at < ${cutoff}
          AND xact_id < (SELECT xact_watermark FROM analytics_rollup_state WHERE id = 1)`;
    }),
    idempotency_keys: await inBatches(batch, (limit) => {
      const cutoff = before(e.RETENTION_IDEMPOTENCY_HOURS * HOUR);
      return db().$executeRaw`
        DELETE FROM idempotency_keys WHERE id IN (
          SELECT id FROM idempotency_keys WHERE created_at < ${cutoff} ORDER BY created_at LIMIT ${limit}
        )`;
    }),
    notifications: await inBatches(batch, (limit) => {
      const cutoff = before(e.RETENTION_NOTIFICATIONS_DAYS * DAY);
      return db().$executeRaw`
        DELETE FROM notifications WHERE id IN (
          SELECT id FROM notifications WHERE created_at < ${cutoff} AND status <> 'queued'
           ORDER BY created_at LIMIT ${limit}
        )`;
    }),
    processed_webhook_events: await inBatches(batch, (limit) => {
      const cutoff = before(e.RETENTION_WEBHOOK_EVENTS_DAYS * DAY);
      return db().$executeRaw`
        DELETE FROM processed_webhook_events WHERE event_id IN (
          SELECT event_id FROM processed_webhook_events WHERE processed_at < ${cutoff}
           ORDER BY processed_at LIMIT ${limit}
        )`;
    }),
    rate_limit_buckets: await inBatches(batch, (limit) => {
      const cutoff = before(HOUR);
      return db().$executeRaw`
        DELETE FROM rate_limit_buckets WHERE key IN (
          SELECT key FROM rate_limit_buckets WHERE expires_at < ${cutoff} ORDER BY expires_at LIMIT ${limit}
        )`;
    }),
    user_sessions: await inBatches(batch, (limit) => {
      const ended = before(e.RETENTION_USER_SESSIONS_DAYS * DAY);
      const unused = before(e.RETENTION_USER_SESSIONS_DAYS * DAY + opts.sessionMaxAgeSeconds * 1000);
      return db().$executeRaw`
        DELETE FROM user_sessions WHERE id IN (
          SELECT id FROM user_sessions WHERE revoked_at < ${ended} OR last_seen_at < ${unused} LIMIT ${limit}
        )`;
    }),
    account_tokens: await inBatches(batch, (limit) => {
      const cutoff = before(e.RETENTION_ACCOUNT_TOKENS_DAYS * DAY);
      return db().$executeRaw`
        DELETE FROM account_tokens WHERE id IN (
          SELECT id FROM account_tokens WHERE used_at < ${cutoff} OR expires_at < ${cutoff} LIMIT ${limit}
        )`;
    }),
    request_signals: await inBatches(batch, (limit) => {
      const cutoff = before(e.RETENTION_REQUEST_SIGNALS_DAYS * DAY);
      return db().$executeRaw`
        DELETE FROM request_signals WHERE id IN (
          SELECT id FROM request_signals WHERE created_at < ${cutoff} ORDER BY created_at LIMIT ${limit}
        )`;
    }),
  };
  logger.info({ deleted: counts }, "old rows pruned");
  return counts;
}
