import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { GET as listCategories } from "@/app/api/v1/categories/route";
import { JOBS } from "@/lib/jobs/queues";
import { logger, tapLogLines } from "@/lib/log/logger";
import { runJobs } from "@/worker/handlers";

import { createApiRoute } from "./api-route";

const ctx = { params: Promise.resolve({}) };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let lines: Record<string, unknown>[] = [];
let untap: () => void;
let level: string;
beforeEach(() => {
  lines = [];
  level = logger.level;
  logger.level = "info";
  untap = tapLogLines((line) => lines.push(JSON.parse(line)));
});
afterEach(() => {
  untap();
  logger.level = level;
});

describe("request id", () => {
  it("a real route answers with the caller's well-formed X-Request-Id, or a fresh one instead of a bad one", async () => {
    const given = `lb-${randomUUID()}`;
    const kept = await listCategories(
      new NextRequest("http://shop.test/api/v1/categories", { headers: { "x-request-id": given } }),
      ctx,
    );
    expect(kept.status).toBe(200);
    expect(kept.headers.get("x-request-id")).toBe(given);

    const replaced = await listCategories(
      new NextRequest("http://shop.test/api/v1/categories", {
        headers: { "x-request-id": "<script>alert(1)</script>" },
      }),
      ctx,
    );
    expect(replaced.headers.get("x-request-id")).toMatch(UUID);
    const fresh = await listCategories(new NextRequest("http://shop.test/api/v1/categories"), ctx);
    expect(fresh.headers.get("x-request-id")).toMatch(UUID);
    expect(fresh.headers.get("x-request-id")).not.toBe(replaced.headers.get("x-request-id"));
  });

  it("is in the log lines written while serving the request, and the same one the response carries", async () => {
    const route = createApiRoute({ currentUser: async () => null, rateLimitStore: () => ({}) as never })(
      { access: "public" },
      async () => {
        logger.info({ step: "inside" }, "handler ran");
        await new Promise((r) => setTimeout(r, 2));
        throw new Error("boom");
      },
    );
    const res = await route(new NextRequest("http://shop.test/api/v1/things"), ctx);
    expect(res.status).toBe(500);
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    const mine = lines.filter((l) => l.reqId === id);
    expect(mine.map((l) => l.msg)).toEqual(["handler ran", "unhandled error in API route"]);
    // A line written outside any request carries none.
    logger.info("between requests");
    expect(lines.at(-1)).not.toHaveProperty("reqId");
  });

  it("a worker job's lines carry its job id and queue name", async () => {
    const jobId = randomUUID();
    await expect(
      runJobs(JOBS.refundReturn, [{ id: jobId, name: JOBS.refundReturn, data: { returnId: randomUUID() } }] as never),
    ).rejects.toThrow("Return not found.");
    const failed = lines.find((l) => l.msg === "job failed");
    expect(failed).toMatchObject({ reqId: jobId, job: JOBS.refundReturn });
  });
});
