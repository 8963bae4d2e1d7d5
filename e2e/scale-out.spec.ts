// Many web processes, one truth: the suite's own server runs two or more `next start` processes
// behind haproxy (scripts/start.ts writes where they listen). A change made through one process
// is seen at once through every other and through the balancer, for the signed-out visitors'
// cached product page and for search; and a revalidation made in the worker, which has no Next
// runtime, reaches them all through Redis. Without it each process would serve its own cached
// copy for up to the page's 15-second revalidate period.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import PgBoss from "pg-boss";

import { confirmEmail, expect, test } from "./support/fixtures";
import { listProduct } from "./support/flows";

type Cluster = { url: string; processes: { name: string; port: number }[]; databaseUrl: string };
const clusterFile = resolve(".data/e2e/web-processes.json");
const cluster: Cluster | null =
  !process.env.BASE_URL && existsSync(clusterFile) ? (JSON.parse(readFileSync(clusterFile, "utf8")) as Cluster) : null;

test.skip(
  !cluster || cluster.processes.length < 2,
  process.env.BASE_URL
    ? "BASE_URL points at an instance whose web processes this suite cannot reach one by one"
    : "the suite's server runs one web process (haproxy not installed or one core): nothing to compare",
);

/** A signed-out visitor (no cookies) talking to one address. */
async function visitor(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}

async function productPage(
  client: APIRequestContext,
  id: string,
): Promise<{ status: number; html: string; cache: string }> {
  const res = await client.get(`/products/${id}`);
  return { status: res.status(), html: await res.text(), cache: res.headers()["x-nextjs-cache"] ?? "" };
}

test("a change made through one web process is seen through the others and the balancer, and so is the worker's", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [a, b] = cluster!.processes.map((p) => `http://127.0.0.1:${p.port}`);
  const viaA = await visitor(a);
  const viaB = await visitor(b);
  const viaBalancer = await visitor(cluster!.url);

  // A new seller, talking only to process A, lists a product (moderation in the worker puts it live).
  const sellerPage = await (await browser.newContext({ baseURL: a })).newPage();
  const email = `seller-${Date.now().toString(36)}@example.test`;
  expect(
    (
      await sellerPage.request.post("/api/v1/users", { data: { email, password: "Seller-pass-2026", name: "Scale" } })
    ).status(),
  ).toBe(201);
  await confirmEmail(browser, sellerPage.request, email);
  await sellerPage.goto("/sign-in");
  await sellerPage.getByLabel("Email").fill(email);
  await sellerPage.getByLabel("Password").fill("Seller-pass-2026");
  await sellerPage.getByRole("button", { name: "Sign in" }).click();
  await expect(
    sellerPage.getByRole("button", { name: "Account menu" }).or(sellerPage.getByLabel("Account menu")),
  ).toBeVisible();
  await sellerPage.goto("/become-seller");
  await sellerPage.getByLabel("Shop name").fill(`Scale shop ${Date.now().toString(36)}`);
  await sellerPage.getByRole("button", { name: "Open my shop" }).click();
  await expect(sellerPage).toHaveURL(/\/seller/);
  const title = await listProduct(sellerPage, "Scale", "20.00");
  const productId = sellerPage.url().match(/products\/([0-9a-f-]{36})/)![1];

  // One render serves every process: rendered through A, B answers from the shared cache.
  await expect(async () => {
    const first = await productPage(viaA, productId);
    expect(first.status).toBe(200);
    expect(first.html).toContain(title);
  }).toPass({ timeout: 20_000 });
  const fromB = await productPage(viaB, productId);
  expect(fromB.html).toContain(title);
  expect(fromB.cache).toBe("HIT");

  // The seller edits title and price through A: B and the balancer show the edit (after the
  // worker's re-moderation puts it live again) well inside the page's 15-second period.
  const edited = `${title} renamed`;
  await sellerPage.goto(`/seller/products/${productId}`);
  await sellerPage.getByLabel("Title").fill(edited);
  await sellerPage.getByLabel("Price").fill("27.50");
  await sellerPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(sellerPage.getByText("Saved and submitted for review.")).toBeVisible();
  for (const client of [viaB, viaBalancer, viaA]) {
    await expect(async () => {
      const seen = await productPage(client, productId);
      expect(seen.status).toBe(200);
      expect(seen.html).toContain(edited);
      expect(seen.html).toContain("$27.50");
    }).toPass({ timeout: 10_000 });
  }

  // Search through B and through the balancer finds the edited listing at its new price (the
  // worker's indexer keeps the index; each process reads the same PostgreSQL and Redis).
  for (const client of [viaB, viaBalancer]) {
    await expect(async () => {
      const found = (await (await client.get(`/api/v1/search?q=${encodeURIComponent(edited)}`)).json()) as {
        results: { product_id: string; title: string; price: { amount_cents: number } }[];
      };
      const hit = found.results.find((r) => r.product_id === productId);
      expect(hit?.title).toBe(edited);
      expect(hit?.price.amount_cents).toBe(2750);
      const html = await (await client.get(`/search?q=${encodeURIComponent(edited)}`)).text();
      expect(html).toContain(edited);
    }).toPass({ timeout: 30_000 });
  }

  // The worker's side: a change no web process hears of (written straight to the database)
  // stays hidden behind the shared cache...
  const db = new pg.Client({ connectionString: cluster!.databaseUrl });
  await db.connect();
  const workerTitle = `${title} seen by the worker`;
  try {
    await productPage(viaB, productId); // cached again after the edit
    // A drifted review count too, so the rating job below has something to repair.
    await db.query("UPDATE products SET title = $1, review_count = 7, updated_at = now() WHERE id = $2", [
      workerTitle,
      productId,
    ]);
    const hidden = await productPage(viaB, productId);
    expect(hidden.cache).toBe("HIT");
    expect(hidden.html).not.toContain(workerTitle);

    // ...until a worker job that changes the page runs: the rating job repairs the count and
    // revalidates the page.
    const boss = new PgBoss({
      connectionString: cluster!.databaseUrl,
      schema: "pgboss",
      supervise: false,
      schedule: false,
    });
    await boss.start();
    await boss.send("aggregate-reviews", { productId });
    await boss.stop({ graceful: true, wait: true });
    for (const client of [viaA, viaB, viaBalancer]) {
      await expect(async () => {
        expect((await productPage(client, productId)).html).toContain(workerTitle);
      }).toPass({ timeout: 8_000 });
    }
  } finally {
    await db.end();
  }
});
