import "server-only";

import { logger } from "@/lib/log/logger";

// Rows that may be lost in a crash (analytics, search impressions), written off the request's
// critical path: buffered in memory and handed to `write` as one batch per `flushMs` (or per
// `flushAt` rows), never awaited by the caller that adds them. A failed write is logged and
// dropped; under a database outage the buffer stops growing at `maxBuffered`.

export type BatchedWriter<R> = {
  /** Queues rows for the next batch; returns at once. */
  add(rows: R[]): void;
  /** Writes everything buffered now (tests and shutdown call it; the timer does otherwise). Returns rows written. */
  flush(): Promise<number>;
  /** Rows waiting. */
  size(): number;
};

type State<R> = { buffer: R[]; timer: NodeJS.Timeout | null; flushing: Promise<number> | null; dropped: number };

export function batchedWriter<R>(opts: {
  /** Names the buffer in globalThis, shared across the module copies Next may load in one process. */
  key: string;
  /** What the rows are, for the log line when a batch is dropped. */
  what: string;
  write: (batch: R[]) => Promise<number>;
  flushMs?: number;
  flushAt?: number;
  maxBuffered?: number;
}): BatchedWriter<R> {
  const { flushMs = 1000, flushAt = 500, maxBuffered = 20_000 } = opts;
  const g = globalThis as unknown as Record<string, State<R> | undefined>;
  const state: State<R> = (g[`batchedWriter:${opts.key}`] ??= { buffer: [], timer: null, flushing: null, dropped: 0 });

  const schedule = () => {
    if (state.timer || state.buffer.length === 0) return;
    state.timer = setTimeout(() => void flush(), flushMs);
    state.timer.unref?.();
  };

  async function flush(): Promise<number> {
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = null;
    }
    if (state.flushing) await state.flushing;
    if (state.buffer.length === 0) return 0;
    const batch = state.buffer.splice(0, state.buffer.length);
    state.flushing = opts
      .write(batch)
      .catch((err) => {
        logger.warn({ err, events: batch.length }, `${opts.what} dropped: could not write them`);
        return 0;
      })
      .finally(() => {
        state.flushing = null;
        schedule();
      });
    return state.flushing;
  }

  return {
    add(rows) {
      for (const row of rows) {
        if (state.buffer.length >= maxBuffered) state.dropped += 1;
        else state.buffer.push(row);
      }
      if (state.buffer.length >= flushAt) void flush();
      else schedule();
    },
    flush,
    size: () => state.buffer.length,
  };
}
