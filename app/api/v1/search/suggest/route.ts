// GET /api/v1/search/suggest?q= → { suggestions: [{ kind, text, href }] } for the header search box.
import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { MAX_QUERY_CHARS } from "@/lib/search/search-config";
import { suggestSearch } from "@/lib/search/suggest-search";

const ZSuggestQuery = z.object({
  q: z
    .string()
    .max(MAX_QUERY_CHARS, { error: `q must be at most ${MAX_QUERY_CHARS} characters` })
    .default(""),
});

export const GET = apiRoute(
  { access: "public", query: ZSuggestQuery, rateLimit: RATE_LIMIT_POLICIES.search },
  async ({ query }) => {
    const suggestions = await suggestSearch(query.q);
    return Response.json({ suggestions }, { headers: { "Cache-Control": "public, max-age=30, s-maxage=60" } });
  },
);
