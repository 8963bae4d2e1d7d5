import { loadRateTable } from "@/lib/fx/load-rate-table";
import { apiRoute } from "@/lib/http/api-route";

/** The exchange rates prices are shown with: units of each currency per euro, and their day. */
export const GET = apiRoute({ access: "public" }, async () => {
  const { rates, asOf } = await loadRateTable();
  return { base: "EUR", as_of: asOf, rates };
});
