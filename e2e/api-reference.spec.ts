import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the REST API reference: the OpenAPI 3.1 document and a readable, accessible page rendered from it", async ({
  page,
  request,
}) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v1/orders"].post.summary).toBe("Place the cart as a checkout (one order per seller)");

  await page.goto("/developers/api");
  await expect(page.getByRole("heading", { level: 1, name: "REST API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "post /api/v1/orders", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations).toEqual([]);
});
