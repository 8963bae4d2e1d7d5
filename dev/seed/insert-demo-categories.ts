import type { Prisma } from "@/lib/generated/prisma/client";

import { DEMO_CATEGORIES } from "./demo-categories";

/** The category tree (top categories, then their leaves); the leaves' ids by slug, for the products. */
export async function insertDemoCategories(tx: Prisma.TransactionClient) {
  const tops = await tx.category.createManyAndReturn({
    data: DEMO_CATEGORIES.map((top, position) => ({
      name: top.name,
      slug: top.slug,
      path: top.slug,
      depth: 0,
      position,
      suggestedAttributes: [...top.suggestedAttributes],
      commissionBps: top.commissionBps ?? null,
    })),
    select: { id: true, slug: true },
  });
  const topIds = new Map(tops.map((c) => [c.slug, c.id]));
  const leaves = await tx.category.createManyAndReturn({
    data: DEMO_CATEGORIES.flatMap((top) =>
      top.children.map((leaf, position) => ({
        parentId: topIds.get(top.slug)!,
        name: leaf.name,
        slug: leaf.slug,
        path: `${top.slug}/${leaf.slug}`,
        depth: 1,
        position,
        suggestedAttributes: [leaf.brands.length > 0 ? "brand" : "author", ...Object.keys(leaf.attributes)],
      })),
    ),
    select: { id: true, slug: true },
  });
  return { leafIds: new Map(leaves.map((c) => [c.slug, c.id])), categories: tops.length + leaves.length };
}
