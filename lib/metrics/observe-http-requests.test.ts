import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { logger, tapLogLines } from "@/lib/log/logger";

import { observeHttpRequests } from "./observe-http-requests";
import { metrics } from "./registry";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// A real Node HTTP server, as `next start` runs: the hook sees requests the way it does there.
let server: Server;
let base: string;
let stop: () => void;
beforeAll(async () => {
  stop = observeHttpRequests({ pageOf: (path) => (path.startsWith("/products/") ? "/products/[productId]" : null) });
  server = createServer(async (req, res) => {
    // What a page sees: the id in its request headers, and in its log lines' context.
    await new Promise((r) => setTimeout(r, 5));
    logger.info({ seen: req.headers["x-request-id"] }, "rendering");
    res.statusCode = req.url?.startsWith("/nowhere") ? 404 : 200;
    res.end("ok");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  stop();
  await new Promise((ok) => server.close(ok));
});

async function count(labels: Partial<Record<"method" | "route" | "status", string>>): Promise<number> {
  const { values } = await metrics().httpDuration.get();
  return values
    .filter((v) => v.metricName?.endsWith("_count"))
    .filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k as keyof typeof labels] === l))
    .reduce((n, v) => n + v.value, 0);
}

describe("observeHttpRequests", () => {
  it("gives every request an id (the caller's when well-formed) in its headers, its response and its log lines", async () => {
    const lines: Record<string, unknown>[] = [];
    const level = logger.level;
    logger.level = "info";
    const untap = tapLogLines((line) => lines.push(JSON.parse(line)));
    try {
      const fresh = await fetch(`${base}/products/abc`);
      const id = fresh.headers.get("x-request-id");
      expect(id).toMatch(UUID);
      const kept = await fetch(`${base}/products/abc`, { headers: { "x-request-id": "lb-0123456789" } });
      expect(kept.headers.get("x-request-id")).toBe("lb-0123456789");
      const bad = await fetch(`${base}/products/abc`, { headers: { "x-request-id": "no spaces allowed" } });
      expect(bad.headers.get("x-request-id")).toMatch(UUID);
      expect(lines.filter((l) => l.msg === "rendering").map((l) => [l.reqId, l.seen])).toEqual([
        [id, id],
        ["lb-0123456789", "lb-0123456789"],
        [bad.headers.get("x-request-id"), bad.headers.get("x-request-id")],
      ]);
    } finally {
      untap();
      logger.level = level;
    }
  });

  it("observes page requests under their pattern, a 404 under /_not-found, and leaves the API to apiRoute", async () => {
    const page = { route: "/products/[productId]", method: "GET", status: "200" };
    const before = await count(page);
    const notFound = await count({ route: "/_not-found", status: "404" });
    const api = await count({ route: "/api/v1/things" });
    for (const path of ["/products/a", "/products/b", "/nowhere", "/api/v1/things"])
      await (await fetch(base + path)).text();
    expect(await count(page)).toBe(before + 2);
    expect(await count({ route: "/_not-found", status: "404" })).toBe(notFound + 1);
    expect(await count({ route: "/api/v1/things" })).toBe(api);
    // The label is the pattern, never the raw path.
    expect(await count({ route: "/products/a" })).toBe(0);
  });
});
