import "server-only";

import { db } from "@/lib/db/client";

import { ttlMemo } from "../ttl-memo";
import { buildCategoryLookup } from "./category-intent";

const memo = ttlMemo(
  async () =>
    buildCategoryLookup(
      await db().category.findMany({ select: { id: true, slug: true, path: true, name: true, depth: true } }),
    ),
  60_000,
);

/** Every category by path, slug and name; reloaded each minute (categories rarely change). */
export const loadCategoryLookup = memo.get;
export const invalidateCategoryLookup = memo.invalidate;
