import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { createUpload } from "@/lib/uploads/create-upload";
import { createdUploadJson } from "@/lib/uploads/upload-json";
import { UPLOAD_PURPOSES } from "@/lib/uploads/upload-limits";

const ZCreateUpload = z.object({
  purpose: z.enum(UPLOAD_PURPOSES),
  file_name: z.string().trim().min(1).max(255),
  content_type: z.string().trim().min(1).max(100),
  byte_size: z.number().int().min(0),
});

/** Starts an image upload; the client PUTs the file to `upload.url`, then POSTs …/complete. */
export const POST = apiRoute(
  { access: "user", body: ZCreateUpload, rateLimit: RATE_LIMIT_POLICIES.upload },
  async ({ user, body }) => {
    const created = await createUpload({
      userId: user.id,
      purpose: body.purpose,
      fileName: body.file_name,
      contentType: body.content_type,
      byteSize: body.byte_size,
    });
    return Response.json(createdUploadJson(created), { status: 201 });
  },
);
