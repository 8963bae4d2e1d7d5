import { Readable } from "node:stream";

import { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";

import { createS3Client, createS3Storage } from "./s3-storage";

type SentRequest = {
  method: string;
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
};
type Reply = { statusCode: number; headers?: Record<string, string>; body?: string | Buffer };

const credentials = { accessKeyId: "test-access-key", secretAccessKey: "test-secret-key" };

/** An S3 client whose HTTP layer is a function: no network, every request recorded. */
function stubbedClient(reply: (req: SentRequest) => Reply) {
  const sent: SentRequest[] = [];
  const client = new S3Client({
    region: "us-east-1",
    endpoint: "http://minio.test:9000",
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: {
      async handle(request: SentRequest) {
        sent.push(request);
        const r = reply(request);
        return {
          response: {
            statusCode: r.statusCode,
            headers: r.headers ?? {},
            body: Readable.from([Buffer.from(r.body ?? "")]),
          },
        };
      },
    },
  });
  return { client, sent };
}

const config = { bucket: "market", region: "us-east-1", endpoint: "http://minio.test:9000", ...credentials };

describe("S3 storage", () => {
  it("presigns a 10-minute PUT that binds the content type and length, path-style for a custom endpoint", async () => {
    const storage = createS3Storage({ ...config, client: createS3Client(config) });
    const target = await storage.createUploadTarget({
      uploadId: "u1",
      key: "originals/u1",
      contentType: "image/png",
      byteSize: 4321,
    });
    const url = new URL(target.url);
    expect(url.origin + url.pathname).toBe("http://minio.test:9000/market/originals/u1");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("600");
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host");
    // No checksum of the (empty) presign-time body, which would make every real upload fail.
    expect([...url.searchParams.keys()].some((k) => k.toLowerCase().startsWith("x-amz-checksum"))).toBe(false);
    expect(target.method).toBe("PUT");
    expect(target.headers).toEqual({ "Content-Type": "image/png" });
    expect(target.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60 * 1000);
  });

  it("serves objects from S3_PUBLIC_URL, else from the bucket's own URL", () => {
    expect(createS3Storage({ ...config, publicUrl: "https://cdn.example.com/" }).publicUrl("images/a/320.webp")).toBe(
      "https://cdn.example.com/images/a/320.webp",
    );
    expect(createS3Storage(config).publicUrl("images/a/320.webp")).toBe(
      "http://minio.test:9000/market/images/a/320.webp",
    );
    expect(createS3Storage({ ...config, endpoint: undefined }).publicUrl("images/a/320.webp")).toBe(
      "https://market.s3.us-east-1.amazonaws.com/images/a/320.webp",
    );
  });

  it("refuses unsafe keys before any request", async () => {
    const { client, sent } = stubbedClient(() => ({ statusCode: 200 }));
    const storage = createS3Storage({ ...config, client });
    expect(() => storage.publicUrl("../etc/passwd")).toThrow();
    await expect(storage.get("a/../../b")).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      storage.createUploadTarget({ uploadId: "x", key: "/abs", contentType: "image/png", byteSize: 1 }),
    ).rejects.toMatchObject({ code: "bad_request" });
    expect(sent).toHaveLength(0);
  });

  it("puts with a year-long cache header, gets the bytes back, and maps a missing object to null", async () => {
    const stored = new Map<string, { body: Buffer; type: string }>();
    const { client, sent } = stubbedClient((req): Reply => {
      const key = req.path.replace(/^\/market\//, "");
      if (req.method === "PUT") {
        stored.set(key, { body: Buffer.from(req.body as Uint8Array), type: req.headers["content-type"] });
        return { statusCode: 200 };
      }
      const obj = stored.get(key);
      if (!obj)
        return {
          statusCode: 404,
          headers: { "content-type": "application/xml" },
          body: req.method === "HEAD" ? "" : "<Error><Code>NoSuchKey</Code></Error>",
        };
      return {
        statusCode: 200,
        headers: { "content-type": obj.type, "content-length": String(obj.body.length) },
        body: req.method === "HEAD" ? "" : obj.body,
      };
    });
    const storage = createS3Storage({ ...config, client });

    await storage.put("images/u1/320.webp", Buffer.from("webp-bytes"), "image/webp");
    expect(sent[0].headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(await storage.get("images/u1/320.webp")).toEqual({
      body: Buffer.from("webp-bytes"),
      contentType: "image/webp",
      size: 10,
    });
    expect(await storage.head("images/u1/320.webp")).toEqual({ size: 10, contentType: "image/webp" });
    expect(await storage.get("images/missing/320.webp")).toBeNull();
    expect(await storage.head("images/missing/320.webp")).toBeNull();
  });
});
