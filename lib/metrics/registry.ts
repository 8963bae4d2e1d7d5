import "server-only";

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// One registry per process, kept on globalThis: Next may evaluate a module once per route bundle
// (and again on every hot reload in dev), and a metric registered twice throws.
type Metrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  gateAdmissions: Counter<"outcome">;
  jobs: Gauge<"queue" | "state">;
  moneyAttention: Gauge<"kind">;
};

const globalForMetrics = globalThis as unknown as { marketplaceMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.marketplaceMetrics ??= createMetrics();
  return globalForMetrics.marketplaceMetrics;
}

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "marketplace_" });
  return {
    registry,
    httpDuration: new Histogram({
      name: "marketplace_http_request_duration_seconds",
      help: "Request latency of API routes (apiRoute) and pages (observeHttpRequests), by route pattern (never the raw URL), method and status.",
      labelNames: ["method", "route", "status"],
      // Around the design's budgets (100 ms page, 150-200 ms search, 500 ms checkout).
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    gateAdmissions: new Counter({
      name: "marketplace_flash_gate_admissions_total",
      help: "Flash-sale gate answers in this process: admitted, sold_out (rejected before the database), bypass (gate unavailable).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    jobs: new Gauge({
      name: "marketplace_jobs",
      help: "pg-boss jobs by queue and state (created, retry, active = the queue's depth; failed = failures still retained). The same value from every process: read from PostgreSQL.",
      labelNames: ["queue", "state"],
      registers: [registry],
    }),
    moneyAttention: new Gauge({
      name: "marketplace_money_attention",
      help: "Money an admin should look at, by kind (parked releases, failed transfers, payouts and refunds). Read from PostgreSQL.",
      labelNames: ["kind"],
      registers: [registry],
    }),
  };
}

export function observeRequest(opts: { method: string; route: string; status: number; seconds: number }): void {
  metrics().httpDuration.observe({ method: opts.method, route: opts.route, status: String(opts.status) }, opts.seconds);
}
