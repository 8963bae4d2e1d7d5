import { z } from "zod";

import { actsAsAdmin } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/api-route";
import { getReturnLabel } from "@/lib/returns/get-return-label";

/**
 * The printable return label (PDF) for the order's buyer, its seller or an admin; anyone else
 * gets 404. Shown inline (the browser's viewer prints it); ?download=1 saves it instead.
 */
export const GET = apiRoute(
  {
    access: "user",
    params: z.object({ returnId: z.uuid("Return not found.") }),
    query: z.object({ download: z.enum(["1"]).optional() }),
  },
  async ({ user, params, query }) => {
    const { pdf, fileName } = await getReturnLabel({
      returnId: params.returnId,
      userId: user.id,
      sellerId: user.sellerId,
      isAdmin: actsAsAdmin(user),
    });
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `${query.download ? "attachment" : "inline"}; filename="${fileName}"`,
        "Content-Length": String(pdf.byteLength),
        "Cache-Control": "private, no-store",
      },
    });
  },
);
