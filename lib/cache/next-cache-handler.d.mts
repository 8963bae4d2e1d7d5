// Types for the parts of next-cache-handler.mjs that TypeScript code uses.
import type Redis from "ioredis";

export function tagKey(tag: string): string;
export function writeTagRevalidations(client: Redis, tags: string[], durations?: { expire?: number }): Promise<void>;

export default class RedisCacheHandler {
  constructor(ctx?: { serverDistDir?: string });
  get(key: string, ctx?: Record<string, unknown>): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx?: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
