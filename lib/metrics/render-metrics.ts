import "server-only";

import { countJobs } from "./count-jobs";
import { metrics } from "./registry";

// The PostgreSQL-backed gauges are the same for every process and cost a few queries: read at
// most this often per process, however many scrapers ask.
const CLUSTER_TTL_MS = 10_000;

type Snapshot = { at: number; done: Promise<void> };
const globalForSnapshot = globalThis as unknown as { metricsSnapshot?: Snapshot };

async function refreshClusterGauges(moneyAttention: () => Promise<Record<string, number>>): Promise<void> {
  const [jobs, money] = await Promise.all([countJobs(), moneyAttention()]);
  const m = metrics();
  // Reset first: a queue whose last failed job was archived must drop to nothing, not stay at its old value.
  m.jobs.reset();
  for (const j of jobs) m.jobs.set({ queue: j.queue, state: j.state }, j.count);
  m.moneyAttention.reset();
  for (const [kind, n] of Object.entries(money)) m.moneyAttention.set({ kind }, n);
}

/** The Prometheus text exposition of this process's metrics, with the cluster-wide gauges refreshed. */
export async function renderMetrics(opts: {
  moneyAttention: () => Promise<Record<string, number>>;
  now?: number;
}): Promise<{ body: string; contentType: string }> {
  const now = opts.now ?? Date.now();
  const last = globalForSnapshot.metricsSnapshot;
  if (!last || now - last.at >= CLUSTER_TTL_MS) {
    const done = refreshClusterGauges(opts.moneyAttention);
    globalForSnapshot.metricsSnapshot = { at: now, done };
    // A failed read is retried at the next scrape rather than cached.
    done.catch(() => {
      if (globalForSnapshot.metricsSnapshot?.done === done) globalForSnapshot.metricsSnapshot = undefined;
    });
  }
  await globalForSnapshot.metricsSnapshot!.done;
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

/** Forgets the cached cluster gauges (tests that make a job fail and scrape at once). */
export function expireMetricsSnapshot(): void {
  globalForSnapshot.metricsSnapshot = undefined;
}
