import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET as scrapeRoute } from "@/app/api/metrics/route";
import { GET as listCategories } from "@/app/api/v1/categories/route";
import { GET as getProduct } from "@/app/api/v1/products/[productId]/route";
import { db } from "@/lib/db/client";
import { senderBoss } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { getAdmissionGate } from "@/lib/orders/get-admission-gate";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { expireMetricsSnapshot } from "./render-metrics";

const TOKEN = "metrics-token-for-tests-0123456789";
const noParams = { params: Promise.resolve({}) };

async function scrape(authorization = `Bearer ${TOKEN}`): Promise<Response> {
  return scrapeRoute(new NextRequest("http://shop.test/api/metrics", { headers: { authorization } }), noParams);
}

/** The value of one sample in the exposition text (0 when absent). */
async function sample(name: string, labels: Record<string, string>): Promise<number> {
  expireMetricsSnapshot();
  const text = await (await scrape()).text();
  const line = text.split("\n").find((l) => {
    if (!l.startsWith(`${name}{`)) return false;
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`));
  });
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("/api/metrics", () => {
  it("answers only a scraper with the bearer token", async () => {
    expect((await scrape("")).status).toBe(401);
    expect((await scrape("Bearer wrong-token-0123456789")).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    expect(await ok.text()).toContain("marketplace_process_cpu_seconds_total");
  });

  it("counts API requests by route pattern and status, never by raw URL", async () => {
    const count = "marketplace_http_request_duration_seconds_count";
    const categories = { route: "/api/v1/categories", method: "GET", status: "200" };
    const before = await sample(count, categories);
    await listCategories(new NextRequest("http://shop.test/api/v1/categories"), noParams);
    await listCategories(new NextRequest("http://shop.test/api/v1/categories"), noParams);
    expect(await sample(count, categories)).toBe(before + 2);

    const missing = { route: "/api/v1/products/[productId]", status: "404" };
    for (const id of [randomUUID(), randomUUID()]) {
      await getProduct(new NextRequest(`http://shop.test/api/v1/products/${id}`), {
        params: Promise.resolve({ productId: id }),
      });
    }
    expect(await sample(count, missing)).toBe(2);
    expect(await (await scrape()).text()).not.toMatch(/route="\/api\/v1\/products\/[0-9a-f]{8}-/);
  });

  it("counts the flash-sale gate's admissions and rejections", async () => {
    const { seller } = await createSeller(db());
    const category = await createCategory(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId: category.id, inventoryCount: 1 });
    const admitted = await sample("marketplace_flash_gate_admissions_total", { outcome: "admitted" });
    const rejected = await sample("marketplace_flash_gate_admissions_total", { outcome: "sold_out" });
    const gate = getAdmissionGate();
    expect(await gate.admit(product.id, 1)).toBe("admitted");
    expect(await gate.admit(product.id, 1)).toBe("sold_out");
    expect(await gate.admit(product.id, 1)).toBe("sold_out");
    expect(await sample("marketplace_flash_gate_admissions_total", { outcome: "admitted" })).toBe(admitted + 1);
    expect(await sample("marketplace_flash_gate_admissions_total", { outcome: "sold_out" })).toBe(rejected + 2);
  });

  it("reports queue depth and failed jobs from pg-boss, as every process sees them", async () => {
    const queue = JOBS.refundReturn;
    expect(await sample("marketplace_jobs", { queue, state: "created" })).toBe(0);
    // No retries, so one failure is final.
    const id = await enqueueJob({ name: queue, data: { returnId: randomUUID() }, options: { retryLimit: 0 } });
    expect(await sample("marketplace_jobs", { queue, state: "created" })).toBe(1);

    const boss = await senderBoss();
    const [job] = await boss.fetch(queue);
    expect(job.id).toBe(id);
    await boss.fail(queue, job.id, { message: "test failure" });
    await enqueueJob({ name: queue, data: { returnId: randomUUID() } });
    expect(await sample("marketplace_jobs", { queue, state: "failed" })).toBe(1);
    expect(await sample("marketplace_jobs", { queue, state: "created" })).toBe(1);
  });

  it("reports the money an admin should look at, read from PostgreSQL", async () => {
    expireMetricsSnapshot();
    const text = await (await scrape()).text();
    for (const kind of ["releases_parked", "transfers_failed", "payouts_failed", "refunds_failed"])
      expect(text).toContain(`marketplace_money_attention{kind="${kind}"} 0`);
  });
});
