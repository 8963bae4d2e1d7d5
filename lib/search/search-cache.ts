// What searches repeat, kept where every web process sees it: Redis when REDIS_URL is set,
// else a small per-process memo (the PostgreSQL fallback mode).
//
// Freshness (docs/ARCHITECTURE.md, "Search cache"): every entry is stored with the search
// generation it was computed under, a counter in Redis that indexing bumps right after it
// has changed documents (bumpSearchGeneration). An entry is served only while its generation
// is current, so a listing going live, suspended or changing price stops being answered from
// the cache as soon as the indexer has applied it to the index. Each entry also has a TTL,
// which bounds what indexing does not see (conversion history, category medians). Without
// Redis there is no shared generation: entries live at most LOCAL_TTL_MS.
import "server-only";

import { createHash } from "node:crypto";

import { redis } from "@/lib/redis/client";

import { SEARCH_GENERATION_KEY } from "./search-config";

/** Without Redis, entries live this long in each process whatever TTL they ask for. */
const LOCAL_TTL_MS = 5_000;
const LOCAL_MAX_ENTRIES = 1_000;

export type SearchCache = {
  /** The current generation and the entries (undefined where missing or stale), in one round trip. */
  read<T>(keys: string[]): Promise<{ generation: string; values: (T | undefined)[] }>;
  /** Stores `value` under the generation read before computing it (a bump since makes it stale at once). */
  write(generation: string, key: string, value: unknown, ttlSeconds: number): void;
  /** A short key for any JSON-able description of what was asked. */
  key(kind: string, parts: unknown): string;
};

type Stored = { g: string; v: unknown };

const g = globalThis as unknown as { searchLocalCache?: Map<string, { expires: number; value: unknown }> };

function keyOf(kind: string, parts: unknown): string {
  return `search:${kind}:${createHash("sha1").update(JSON.stringify(parts)).digest("base64url")}`;
}

function localCache(): SearchCache {
  const map = (g.searchLocalCache ??= new Map());
  return {
    key: keyOf,
    async read<T>(keys: string[]) {
      const now = Date.now();
      const values = keys.map((k) => {
        const hit = map.get(k);
        if (!hit) return undefined;
        if (hit.expires <= now) {
          map.delete(k);
          return undefined;
        }
        return hit.value as T;
      });
      return { generation: "local", values };
    },
    write(_generation, key, value, ttlSeconds) {
      map.delete(key);
      map.set(key, { expires: Date.now() + Math.min(ttlSeconds * 1000, LOCAL_TTL_MS), value });
      if (map.size > LOCAL_MAX_ENTRIES) map.delete(map.keys().next().value as string);
    },
  };
}

/** The search cache of this process: shared on Redis, or the local memo without it. */
export function searchCache(): SearchCache {
  const client = redis();
  if (!client) return localCache();
  return {
    key: keyOf,
    async read<T>(keys: string[]) {
      try {
        const [generation, ...raw] = await client.mget(SEARCH_GENERATION_KEY, ...keys);
        const current = generation ?? "0";
        const values = raw.map((r) => {
          if (r == null) return undefined;
          const stored = JSON.parse(r) as Stored;
          return stored.g === current ? (stored.v as T) : undefined;
        });
        return { generation: current, values };
      } catch {
        // Redis unavailable: compute, and do not store (the generation is unknown).
        return { generation: "", values: keys.map(() => undefined) };
      }
    },
    write(generation, key, value, ttlSeconds) {
      if (!generation) return;
      const stored: Stored = { g: generation, v: value };
      client.set(key, JSON.stringify(stored), "EX", ttlSeconds).catch(() => {});
    },
  };
}

/** Testing hook: forget this process's local entries (the Redis ones expire or go stale by generation). */
export function clearLocalSearchCache(): void {
  g.searchLocalCache?.clear();
}
