import "server-only";

import { cached } from "@/lib/cache/cached";
import { readDb } from "@/lib/db/read-db";

export type CategoryNode = {
  id: number;
  name: string;
  slug: string;
  path: string;
  depth: number;
  parentId: number | null;
  suggestedAttributes: string[];
};

async function load(): Promise<CategoryNode[]> {
  return readDb().category.findMany({
    orderBy: [{ depth: "asc" }, { position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, path: true, depth: true, parentId: true, suggestedAttributes: true },
  });
}

/** Every category, parents before children; cached briefly (categories rarely change). */
export const listCategories = cached(load, ["categories"], { revalidate: 300, tags: ["categories"] });

/** Categories in tree order with a label showing their parent ("Fashion › Shoes"). */
export function categoryOptions(all: CategoryNode[]): { id: number; label: string; suggestedAttributes: string[] }[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const label = (c: CategoryNode): string =>
    c.parentId && byId.get(c.parentId) ? `${label(byId.get(c.parentId)!)} › ${c.name}` : c.name;
  return all
    .map((c) => ({ id: c.id, label: label(c), suggestedAttributes: c.suggestedAttributes }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
