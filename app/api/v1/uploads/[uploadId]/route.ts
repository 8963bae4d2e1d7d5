import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { getUpload } from "@/lib/uploads/get-upload";
import { uploadJson } from "@/lib/uploads/upload-json";

const ZParams = z.object({ uploadId: z.uuid("Upload not found.") });

/** An upload's processing status, for polling until it is ready or rejected. */
export const GET = apiRoute({ access: "user", params: ZParams }, async ({ user, params }) => {
  const upload = await getUpload({ userId: user.id, uploadId: params.uploadId });
  return Response.json(uploadJson(upload), { headers: { "Cache-Control": "no-store" } });
});
