import "server-only";

import { env } from "@/lib/env";

import { replicaSet } from "./replicas";

/**
 * Waits until every replica serving reads has replayed what the primary has committed so far,
 * at most DATABASE_REPLICA_MAX_LAG_MS; a replica still behind then stops serving reads until it
 * has. Called before cached pages are expired (revalidateTags), so the page built next, which
 * reads a replica, shows the change that expired it. Resolves true at once without replicas.
 */
export async function awaitReplicas(timeoutMs: number = env().DATABASE_REPLICA_MAX_LAG_MS): Promise<boolean> {
  const set = replicaSet();
  if (!set) return true;
  return set.catchUp(timeoutMs);
}
