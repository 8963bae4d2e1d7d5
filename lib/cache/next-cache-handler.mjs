// Next's server cache (ISR pages, route responses, unstable_cache data) kept in Redis, so every
// web process serves the same entries and a revalidation made in any of them, or in the worker
// (lib/cache/revalidate-tags.ts), reaches all of them at once. next.config.ts names this file
// when REDIS_URL is set. Plain JavaScript because `next start` imports it with Node's own
// loader, outside Next's bundles and without the TypeScript loader.
//
// Keys (all under REDIS_KEY_PREFIX, like every other key of the app):
//   next:<build id>:entry:<cache key>   one entry: JSON with Buffers and Maps encoded
//   next:tag:<tag>                      a hash { expired, stale } in ms since the epoch
// Entries belong to one build (a page rendered by another build would reference its chunks);
// tags are shared by every build and by the worker, which knows no build id.
//
// Invalidation works like Next's own in-memory tag manifest, only shared: a tag revalidated
// after an entry was written makes the entry a miss (expired) or stale (served once more while
// it re-renders). Every read checks the entry's tags, so no process keeps a private copy
// (next.config.ts sets cacheMaxMemorySize to 0 for the same reason).
import { readFileSync } from "node:fs";
import { join } from "node:path";

import Redis from "ioredis";

const DAY_SECONDS = 86_400;
// An entry lives at most this long even when its page never expires: bounds the store.
const MAX_ENTRY_TTL_SECONDS = DAY_SECONDS;
// A tag's timestamp matters only to entries written before it, none of which outlive this.
const TAG_TTL_SECONDS = MAX_ENTRY_TTL_SECONDS + 60;
// Next's x-next-cache-tags response header, where page and route entries carry their tags.
const CACHE_TAGS_HEADER = "x-next-cache-tags";

/** The Redis key of a tag's revalidation timestamps (before REDIS_KEY_PREFIX). */
export function tagKey(tag) {
  return `next:tag:${tag}`;
}

/**
 * Records that tags were revalidated now, on any ioredis client (its keyPrefix applies).
 * Without durations the tagged entries expire at once; with `{ expire }` (seconds) they are
 * stale now and expire after that (Next's `revalidateTag(tag, profile)`).
 */
export async function writeTagRevalidations(client, tags, durations) {
  const now = Date.now();
  const pipeline = client.pipeline();
  for (const tag of tags) {
    const key = tagKey(tag);
    if (durations) {
      pipeline.hset(key, "stale", now);
      if (durations.expire !== undefined) pipeline.hset(key, "expired", now + durations.expire * 1000);
    } else pipeline.hset(key, "expired", now);
    pipeline.expire(key, TAG_TTL_SECONDS);
  }
  const results = await pipeline.exec();
  const failed = results?.find(([err]) => err);
  if (failed) throw failed[0];
}

// Buffers and Maps become tagged plain values before JSON.stringify sees them. (A replacer
// would run after Buffer#toJSON, which first spells every byte of a page's HTML and RSC
// payload out as an array of numbers: ~3% of a web process's CPU on uncached product pages.)
function toWire(value) {
  if (Buffer.isBuffer(value)) return { $buffer: value.toString("base64") };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [k, toWire(v)]) };
  if (Array.isArray(value)) return value.map(toWire);
  const proto = value && typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out = {};
    for (const key of Object.keys(value)) out[key] = toWire(value[key]);
    return out;
  }
  return value;
}

function encode(entry) {
  return JSON.stringify(toWire(entry));
}

function decode(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === "object") {
      if (typeof value.$buffer === "string") return Buffer.from(value.$buffer, "base64");
      if (Array.isArray(value.$map)) return new Map(value.$map);
    }
    return value;
  });
}

function entryTags(value, ctx) {
  if (!value) return [];
  if (value.kind === "FETCH") return [...(ctx.tags ?? []), ...(ctx.softTags ?? [])];
  const header = value.headers?.[CACHE_TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

function ttlSeconds(data, ctx) {
  const lifetime = ctx.cacheControl?.expire ?? (data?.kind === "FETCH" ? data.revalidate : undefined);
  if (typeof lifetime !== "number" || lifetime <= 0) return MAX_ENTRY_TTL_SECONDS;
  return Math.min(Math.ceil(lifetime), MAX_ENTRY_TTL_SECONDS);
}

const shared = globalThis;

// One connection per process: Next constructs a handler for every request.
function client() {
  if (shared.nextCacheRedis) return shared.nextCacheRedis;
  // eslint-disable-next-line no-restricted-properties -- loaded by Next outside the app's env module
  const { REDIS_URL: url, REDIS_KEY_PREFIX: keyPrefix = "mkt:" } = process.env;
  if (!url) throw new Error("next-cache-handler needs REDIS_URL (next.config.ts sets it only then)");
  const redis = new Redis(url, {
    keyPrefix,
    // A slow or absent Redis makes a cache miss (a fresh render), never a stuck request.
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
  });
  redis.on("error", () => {
    // Reported per command below; a reconnect follows by itself.
  });
  shared.nextCacheRedis = redis;
  return redis;
}

function buildId(serverDistDir) {
  if (!serverDistDir) return "dev";
  try {
    return readFileSync(join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    // `next build` prerenders before it writes BUILD_ID; those entries are simply never read.
    return "build";
  }
}

let warned = 0;
function warn(what, err) {
  // At most a line a minute: a Redis outage would otherwise log on every request.
  if (Date.now() - warned < 60_000) return;
  warned = Date.now();
  console.warn(`[next-cache] ${what} failed, serving without the shared cache: ${err?.message ?? err}`);
}

export default class RedisCacheHandler {
  constructor(ctx = {}) {
    this.prefix = `next:${buildId(ctx.serverDistDir)}:entry:`;
  }

  async get(key, ctx = {}) {
    try {
      const redis = client();
      const text = await redis.get(this.prefix + key);
      if (!text) return null;
      const entry = decode(text);
      const tags = entryTags(entry.value, ctx);
      if (tags.length > 0) {
        const pipeline = redis.pipeline();
        for (const tag of tags) pipeline.hmget(tagKey(tag), "expired", "stale");
        const now = Date.now();
        let stale = false;
        for (const [err, fields] of (await pipeline.exec()) ?? []) {
          if (err) throw err;
          const [expired, staleAt] = fields.map((f) => (f === null ? 0 : Number(f)));
          if (expired > entry.lastModified && expired <= now) return null;
          if (staleAt > entry.lastModified) stale = true;
        }
        // An age older than any lifetime: Next serves it once and re-renders in the background.
        if (stale) return { ...entry, lastModified: 1 };
      }
      return entry;
    } catch (err) {
      warn("cache read", err);
      return null;
    }
  }

  async set(key, data, ctx = {}) {
    try {
      const redis = client();
      if (!data) {
        await redis.del(this.prefix + key);
        return;
      }
      const cacheControl = ctx.fetchCache ? undefined : ctx.cacheControl;
      const entry = { lastModified: Date.now(), value: data, cacheControl };
      await redis.set(this.prefix + key, encode(entry), "EX", ttlSeconds(data, ctx));
    } catch (err) {
      warn("cache write", err);
    }
  }

  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (list.length === 0) return;
    try {
      await writeTagRevalidations(client(), list, durations);
    } catch (err) {
      warn("tag revalidation", err);
    }
  }

  resetRequestCache() {
    // Nothing is kept per request.
  }
}
