import "server-only";

import { cached } from "@/lib/cache/cached";
import { readDb } from "@/lib/db/read-db";

export type PopularCategory = { name: string; path: string; liveListings: number };

/** Top-level categories by how many live listings they hold (their subtrees'), most first. */
async function load(limit: number): Promise<PopularCategory[]> {
  return readDb().$queryRaw<PopularCategory[]>`
    SELECT top.name, top.path, count(p.id)::int AS "liveListings"
      FROM categories top
      JOIN categories c ON c.path = top.path OR c.path LIKE top.path || '/%'
      LEFT JOIN products p ON p.category_id = c.id AND p.status = 'active'
     WHERE top.depth = 0
     GROUP BY top.id, top.name, top.path
     ORDER BY count(p.id) DESC, top.name
     LIMIT ${limit}`;
}

/** Cached for ten minutes: the 404 page shows them, and counting is a walk of the live-listing index. */
export const listPopularCategories = cached(load, ["popular-categories"], { revalidate: 600, tags: ["categories"] });
