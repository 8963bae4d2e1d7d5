// Where an outbox consumer may move its cursor. Outbox ids come from a sequence, so a
// transaction that started earlier can commit a smaller id after a larger one is visible:
// skipping past that hole would lose the event. The cursor therefore stops at the first
// missing id until the hole is known to be dead (its transaction rolled back), while the
// events above it are processed at once; processing is idempotent, so nothing is lost
// and nothing is late.

/** How long a hole may stay open before it is treated as a rolled-back id. */
export const GAP_TIMEOUT_MS = 30_000;
/** A hole is dead early once every transaction open when it was first seen has ended, and this long has passed. */
export const GAP_MIN_MS = 1_000;

export type GapSighting = { firstSeenMs: number; xmaxAtFirstSeen: bigint };

/**
 * The new cursor: the highest id such that every id above `cursor` up to it was seen or is a
 * dead hole. Records first sightings of new holes in `gaps` and forgets holes at or below the
 * new cursor. `xminNow` is the oldest transaction still running (pg_snapshot_xmin).
 */
export function advanceCursor(opts: {
  cursor: bigint;
  seen: bigint[];
  gaps: Map<bigint, GapSighting>;
  nowMs: number;
  xminNow: bigint;
  xmaxNow: bigint;
}): bigint {
  const seen = new Set(opts.seen);
  const max = opts.seen.reduce((m, id) => (id > m ? id : m), opts.cursor);
  let next = opts.cursor;
  let blocked = false;
  for (let id = opts.cursor + BigInt(1); id <= max; id++) {
    if (seen.has(id)) {
      if (!blocked) next = id;
      continue;
    }
    let sighting = opts.gaps.get(id);
    if (!sighting) {
      sighting = { firstSeenMs: opts.nowMs, xmaxAtFirstSeen: opts.xmaxNow };
      opts.gaps.set(id, sighting);
    }
    const age = opts.nowMs - sighting.firstSeenMs;
    const dead = age >= GAP_TIMEOUT_MS || (age >= GAP_MIN_MS && opts.xminNow >= sighting.xmaxAtFirstSeen);
    if (dead && !blocked) next = id;
    else blocked = true;
  }
  for (const id of opts.gaps.keys()) if (id <= next) opts.gaps.delete(id);
  return next;
}
