import "server-only";

import { unstable_cache } from "next/cache";

/**
 * Next's data cache around an async function, for values that are JSON (Dates come back as
 * strings, so cache only JSON-safe shapes). Outside a Next server (worker, tests, scripts)
 * there is no cache and the function simply runs.
 */
export function cached<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  keyParts: string[],
  options: { revalidate?: number | false; tags?: string[] } = {},
): (...args: A) => Promise<R> {
  const inNext = unstable_cache(fn, keyParts, options);
  return async (...args: A) => {
    try {
      return await inNext(...args);
    } catch (err) {
      if (err instanceof Error && err.message.includes("incrementalCache missing")) return fn(...args);
      throw err;
    }
  };
}
