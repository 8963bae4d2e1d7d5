import "server-only";

import { revalidateTag } from "next/cache";

import { awaitReplicas } from "@/lib/db/await-replicas";
import { logger } from "@/lib/log/logger";
import { redis } from "@/lib/redis/client";

import { writeTagRevalidations } from "./next-cache-handler.mjs";

/**
 * Expires everything cached under these tags in every web process, from anywhere: a server
 * action, a route, the worker or a script. Redis is the shared truth (next-cache-handler.mjs
 * reads it on every cache hit), so the worker, which has no Next runtime, invalidates pages as
 * a web process does. Inside a Next request Next is told too, so the action's own response and
 * this process's view agree at once. Without Redis there is one web process and its own cache:
 * only Next's call applies.
 * With read replicas, it first waits for them to replay the change (awaitReplicas): pages are
 * rebuilt from a replica, and one rebuilt from a replica that lacks the change would cache it
 * stale until its revalidate period. Call it after the change has committed.
 */
export async function revalidateTags(tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await awaitReplicas();
  for (const tag of tags) {
    try {
      // expire 0: gone now (what a plain revalidateTag did before Next 16 deprecated it).
      revalidateTag(tag, { expire: 0 });
    } catch {
      // Outside a Next request (worker, script, test) or while rendering: Redis alone carries it.
    }
  }
  const client = redis();
  if (!client) return;
  try {
    await writeTagRevalidations(client, tags);
  } catch (err) {
    // The change itself is committed; pages catch up within their revalidate period.
    logger.warn({ err, tags }, "cache tag revalidation not written to Redis");
  }
}

/** The tag Next gives a rendered path (what revalidatePath(path) expires). */
export function pathTag(path: string): string {
  return `_N_T_${path}`;
}
