import { listCategories } from "@/lib/catalog/list-categories";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ access: "public" }, async () => {
  const all = await listCategories();
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
});
