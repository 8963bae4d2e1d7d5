import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { completeUpload } from "@/lib/uploads/complete-upload";

const ZParams = z.object({ uploadId: z.uuid("Upload not found.") });

/** After the PUT: the file is checked in storage and queued for processing (202 while it is processing: poll GET /api/v1/uploads/:id). */
export const POST = apiRoute({ access: "user", params: ZParams }, async ({ user, params }) => {
  const done = await completeUpload({ userId: user.id, uploadId: params.uploadId });
  const processing = done.status === "uploaded" || done.status === "processing";
  return Response.json({ upload_id: done.uploadId, status: done.status }, { status: processing ? 202 : 200 });
});
