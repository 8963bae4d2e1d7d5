import type { listCategories } from "./list-categories";

/** GET /categories: the whole tree, flat, each with its path and the attributes sellers are offered. */
export function categoriesJson(all: Awaited<ReturnType<typeof listCategories>>) {
  return {
    categories: all.map((c) => ({
      id: c.id,
      name: c.name,
      slug: c.slug,
      path: c.path,
      parent_id: c.parentId,
      suggested_attributes: c.suggestedAttributes,
    })),
  };
}
