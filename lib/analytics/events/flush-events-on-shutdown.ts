import "server-only";

import { flushAnalyticsEvents } from "./analytics-event-log";

/**
 * Writes the buffered events when the web process is told to stop. Next closes its server
 * (waiting for requests in flight) before it exits on the same signal, which leaves the flush,
 * one INSERT, time to finish; at worst a second of events is lost, as in a crash.
 */
export function flushEventsOnShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void flushAnalyticsEvents());
}
