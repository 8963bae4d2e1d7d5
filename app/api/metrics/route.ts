import { apiRoute } from "@/lib/http/api-route";
import { authorizeScrape } from "@/lib/metrics/authorize-scrape";
import { renderMetrics } from "@/lib/metrics/render-metrics";
import { countMoneyAttention } from "@/lib/payments/count-money-attention";

export const dynamic = "force-dynamic";

/** Prometheus metrics of the process that answers (see docs/OPERATIONS.md, "Metrics"). */
export const GET = apiRoute({ access: "public" }, async ({ req }) => {
  authorizeScrape(req.headers.get("authorization"));
  const { body, contentType } = await renderMetrics({ moneyAttention: countMoneyAttention });
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
