import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { exportStockCsv } from "@/lib/inventory/export-stock-csv";

// The seller's stock as a CSV download. JSON 401/403 for anyone else (the wrapper's errors).
export const GET = apiRoute({ access: "seller" }, async ({ user }) => {
  if (!user?.sellerId) throw new AppError("forbidden", "Open a shop before exporting stock.");
  const csv = await exportStockCsv({ sellerId: user.sellerId });
  const date = new Date().toISOString().slice(0, 10);
  // The byte-order mark makes Excel read the file as UTF-8; the importer skips it.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="stock-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
