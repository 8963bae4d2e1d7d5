import "server-only";

import type { AnalyticsStore } from "./analytics-store";
import { postgresAnalyticsStore } from "./postgres-analytics-store";

let store: AnalyticsStore | null = null;

/** The analytics store in use: PostgreSQL (the only one so far; see analytics-store.ts). */
export function getAnalyticsStore(): AnalyticsStore {
  return (store ??= postgresAnalyticsStore());
}
