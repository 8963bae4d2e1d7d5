import { AppError } from "@/lib/errors/app-error";

/**
 * Reads a request body into memory, but never more than maxBytes: as soon as one byte
 * too many arrives the stream is cancelled and a 413 thrown, so an oversized or endless
 * body costs at most maxBytes plus one chunk.
 */
export async function readBodyWithLimit(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLargeMessage?: string,
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new AppError("payload_too_large", tooLargeMessage ?? `The body must be at most ${maxBytes} bytes.`);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, received);
}
