import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

import { describe, expect, it } from "vitest";

import { HTTP_METHODS, openApiPath } from "@/lib/http/openapi/build-openapi-document";

import { apiOpenApiDocument } from "./api-document";

const V1 = join(process.cwd(), "app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(join(dir, e.name)) : e.name === "route.ts" ? [join(dir, e.name)] : [],
  );
}

// The methods a route file exports, read from its source (export const GET = …, export async function PUT …).
function exportedMethods(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return HTTP_METHODS.filter((m) => new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b`).test(src));
}

describe("the OpenAPI document", () => {
  const doc = apiOpenApiDocument();

  it("is OpenAPI 3.1 with every route file under app/api/v1 and each method it exports", () => {
    expect(doc.openapi).toBe("3.1.0");
    const files = routeFiles(V1);
    expect(files.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const file of files) {
      const path = openApiPath(`/api/v1/${relative(V1, file).replace(/\/?route\.ts$/, "")}`);
      const methods = exportedMethods(file);
      expect(methods.length, `${path} exports no HTTP method`).toBeGreaterThan(0);
      for (const m of methods) if (!doc.paths?.[path]?.[m.toLowerCase() as "get"]) missing.push(`${m} ${path}`);
    }
    expect(missing).toEqual([]);
  });

  it("documents nothing that is not a route", () => {
    const files = new Set(
      routeFiles(V1).map((f) => openApiPath(`/api/v1/${relative(V1, f).replace(/\/?route\.ts$/, "")}`)),
    );
    expect(Object.keys(doc.paths ?? {}).filter((p) => !files.has(p))).toEqual([]);
  });

  it("takes bodies, params and headers from the routes' schemas", () => {
    const checkout = doc.paths?.["/api/v1/orders"]?.post;
    expect(JSON.stringify(checkout?.requestBody)).toContain("#/components/schemas/CheckoutRequest");
    expect(JSON.stringify(doc.components?.schemas?.CheckoutRequest)).toContain("shipping_address_id");
    expect(JSON.stringify(checkout?.parameters)).toContain("Idempotency-Key");
    expect(checkout?.security).toEqual([{ session: [] }]);
    expect(Object.keys(checkout?.responses ?? {})).toEqual(expect.arrayContaining(["201", "400", "401", "429"]));
    const review = doc.paths?.["/api/v1/orders/{orderId}/reviews"]?.post;
    expect(JSON.stringify(review?.parameters)).toContain('"in":"path"');
    expect(JSON.stringify(doc.components?.schemas?.CreateReview)).toContain("rating");
  });
});
