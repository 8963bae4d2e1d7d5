import { describe, expect, it } from "vitest";

import { readBodyWithLimit } from "./read-body-with-limit";

const CHUNK = 64 * 1024;

/** A lazily produced body of `total` bytes that records how much was pulled and whether it was cancelled. */
function countingStream(total: number) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(CHUNK, total - stats.pulled);
        if (size <= 0) return controller.close();
        stats.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x41));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

describe("readBodyWithLimit", () => {
  it("returns a body within the limit whole", async () => {
    const { stream } = countingStream(3 * CHUNK + 10);
    const body = await readBodyWithLimit(stream, 3 * CHUNK + 10);
    expect(body.length).toBe(3 * CHUNK + 10);
    expect(body.every((b) => b === 0x41)).toBe(true);
  });

  it("stops a 60 MB body just past a 15 MB limit with a 413, without reading the rest", async () => {
    const limit = 15 * 1024 * 1024;
    const { stream, stats } = countingStream(60 * 1024 * 1024);
    await expect(readBodyWithLimit(stream, limit, "Images must be at most 15 MB")).rejects.toMatchObject({
      status: 413,
      code: "payload_too_large",
      message: "Images must be at most 15 MB",
    });
    expect(stats.cancelled).toBe(true);
    expect(stats.pulled).toBeLessThanOrEqual(limit + CHUNK);
  });

  it("treats a missing body as empty", async () => {
    expect((await readBodyWithLimit(null, 10)).length).toBe(0);
  });
});
