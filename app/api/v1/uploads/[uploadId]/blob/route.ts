// The local storage driver's upload endpoint: the browser PUTs the file here through the
// HMAC-signed URL POST /api/v1/uploads returned (with S3 it goes to the bucket instead).
// No session: the signature is the authorization, exactly as with a presigned S3 URL.
import { errorResponse } from "@/lib/http/api-route";
import { receiveUploadBlob } from "@/lib/uploads/receive-upload-blob";

export async function PUT(req: Request, ctx: { params: Promise<{ uploadId: string }> }): Promise<Response> {
  try {
    const { uploadId } = await ctx.params;
    await receiveUploadBlob({
      uploadId,
      searchParams: new URL(req.url).searchParams,
      contentType: req.headers.get("content-type"),
      contentLength: req.headers.get("content-length"),
      body: req.body,
    });
    return new Response(null, { status: 204 });
  } catch (err) {
    return errorResponse(err);
  }
}
