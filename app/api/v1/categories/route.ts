import { categoriesJson } from "@/lib/catalog/category-json";
import { listCategories } from "@/lib/catalog/list-categories";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ access: "public" }, async () => categoriesJson(await listCategories()));
