// Serves stored objects from the local storage driver (with S3 a CDN serves them instead).
// Keys are immutable (a new image gets a new upload id), so responses cache for a year.
import { createHash } from "node:crypto";

import { getStorage } from "@/lib/storage/get-storage";
import { isStorageKey } from "@/lib/storage/is-storage-key";

// Only processed, metadata-stripped variants are public; originals may carry EXIF location.
const PUBLIC_PREFIXES = ["images/"];

// Stored bytes are never a document of this site, whatever their content type claims: no script,
// no fetch, no form, a unique origin. next.config.ts sends no site-wide CSP here (docs/HEADERS.md).
const SANDBOX = "default-src 'none'; sandbox";

const COMMON_HEADERS = {
  "Cache-Control": "public, max-age=31536000, immutable",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": SANDBOX,
};

function notFound(): Response {
  return Response.json(
    { error: { code: "not_found", message: "No such file." } },
    { status: 404, headers: { "X-Content-Type-Options": "nosniff", "Content-Security-Policy": SANDBOX } },
  );
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

export async function GET(req: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = (await params).key.join("/");
  if (!isStorageKey(key) || !PUBLIC_PREFIXES.some((prefix) => key.startsWith(prefix))) return notFound();

  const object = await getStorage().get(key);
  if (!object) return notFound();

  const etag = `"${createHash("sha256").update(object.body).digest("base64url").slice(0, 32)}"`;
  const headers = { ...COMMON_HEADERS, ETag: etag };
  if (matchesEtag(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });

  return new Response(new Uint8Array(object.body), {
    headers: { ...headers, "Content-Type": object.contentType, "Content-Length": String(object.size) },
  });
}
