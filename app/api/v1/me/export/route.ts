import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { exportAccountData } from "@/lib/privacy/export-account-data";

/** Everything held about the signed-in person, as a JSON download. */
export const GET = apiRoute({ access: "user", summary: "Download your data (JSON)" }, async ({ user }) => {
  const data = await exportAccountData(user.id);
  if (!data) throw new AppError("not_found", "Account not found.");
  const day = data.exported_at.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="marketplace-data-${day}.json"`,
      "cache-control": "no-store",
    },
  });
});
