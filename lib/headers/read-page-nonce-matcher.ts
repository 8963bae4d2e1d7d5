import "server-only";

import { readFileSync } from "node:fs";
import { join } from "node:path";

import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

import { pageNonceMatcher, type PrerenderManifest, type RoutesManifest } from "./page-nonce-matcher";

let matcher: ((pathname: string) => boolean) | undefined;

/**
 * The running build's page-nonce matcher (page-nonce-matcher.ts), read once per process. Without
 * a readable build (never under `next start`) no page gets a nonce: every page keeps the policy
 * without one, which still works, rather than scripts refused on a page rendered once.
 */
export function readPageNonceMatcher(): (pathname: string) => boolean {
  if (matcher) return matcher;
  const dir = env().NEXT_DIST_DIR;
  try {
    const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), "utf8"));
    matcher = pageNonceMatcher(
      read("routes-manifest.json") as RoutesManifest,
      read("prerender-manifest.json") as PrerenderManifest,
    );
  } catch (err) {
    logger.warn({ err, dir }, "no build manifests: pages get the policy without a nonce");
    matcher = () => false;
  }
  return matcher;
}
