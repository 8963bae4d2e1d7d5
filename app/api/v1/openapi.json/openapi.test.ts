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

describe("request bodies", () => {
  const doc = apiOpenApiDocument();
  const body = (path: string, method: "post" | "patch") =>
    JSON.stringify(doc.paths?.[path]?.[method]?.requestBody ?? null);
  const schema = (id: string) => JSON.stringify(doc.components?.schemas?.[id] ?? null);

  it("are the domains' own schemas, never an open placeholder", () => {
    expect(body("/api/v1/users", "post")).toContain("#/components/schemas/SignUp");
    expect(schema("SignUp")).toContain("password");
    expect(body("/api/v1/addresses", "post")).toContain("#/components/schemas/Address");
    expect(schema("Address")).toContain("postalCode");
    expect(body("/api/v1/orders/{orderId}/returns", "post")).toContain("#/components/schemas/RequestReturn");
    expect(schema("RequestReturn")).toContain("order_item_id");
    expect(body("/api/v1/orders/{orderId}/ship", "post")).toContain("#/components/schemas/ShipmentRequest");
    expect(schema("ShipmentRequest")).toContain("tracking_number");
    expect(body("/api/v1/cart/items", "post")).toContain("#/components/schemas/AddToCartRequest");
    expect(schema("AddToCartRequest")).toContain("product_id");
    expect(body("/api/v1/cart/items/{productId}", "patch")).toContain("#/components/schemas/CartQuantityRequest");
    expect(body("/api/v1/sellers/{sellerId}/products", "post")).toContain("#/components/schemas/CreateListing");
    expect(schema("CreateListing")).toContain("priceCents");
    expect(body("/api/v1/sellers/{sellerId}/products/{productId}", "patch")).toContain(
      "#/components/schemas/UpdateListing",
    );
    for (const [path, item] of Object.entries(doc.paths ?? {}))
      for (const [method, op] of Object.entries(item ?? {})) {
        const content = JSON.stringify((op as { requestBody?: unknown }).requestBody ?? {});
        expect(content, `${method} ${path}`).not.toContain('"additionalProperties":{}');
      }
  });
});
