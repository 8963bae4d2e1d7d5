// The headers a browser gets from the production build (docs/HEADERS.md): stored media only under
// their sandboxing CSP, so even stored HTML runs no script; pages rendered per request allow
// scripts by a fresh nonce, not 'unsafe-inline', and still hydrate; cached and prerendered pages
// keep the policy without a nonce and stay cached; HSTS never over plain HTTP, whatever
// X-Forwarded-Proto a client writes.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import type { Page } from "@playwright/test";

import { demoLogin, expect, signIn, test } from "./support/fixtures";
import { makeImages } from "./support/make-images";

const scriptSrc = (csp: string | undefined) => csp?.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(scriptSrc(csp))?.[1];

/** CSP violations the page reports from its first script on. */
async function recordViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("reportCspViolation", (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${document.location.pathname}`,
      ),
    );
  });
  return seen;
}

const SANDBOX = "default-src 'none'; sandbox";
const cspHeaders = (headers: { name: string; value: string }[]) =>
  headers.filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);

test("an uploaded image carries only the media route's sandboxing CSP", async ({ page, request }) => {
  // A seller uploads a photo as for a new listing; the preview is the stored, re-encoded variant.
  await signIn(page, demoLogin("seller"));
  await page.goto("/seller/products/new");
  await page.getByLabel("Add images").setInputFiles(await makeImages(1));
  const preview = page.getByRole("img", { name: "Image 1 (cover)" });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  const src = await preview.getAttribute("src");
  expect(src).toMatch(/^\/media\/images\//);
  const res = await request.get(src!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\//);
  // One header, exactly the media route's: no site-wide policy merged in or sent beside it.
  expect(cspHeaders(res.headersArray())).toEqual([SANDBOX]);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  // A missing object answers under the same policy.
  const missing = await request.get("/media/images/no-such-object.webp");
  expect(missing.status()).toBe(404);
  expect(cspHeaders(missing.headersArray())).toEqual([SANDBOX]);
});

test("stored HTML or SVG that reaches the media route cannot run script", async ({ page }) => {
  // Uploads refuse SVG and re-encode every image (lib/uploads), so no seller can store these;
  // this writes them into the suite's own server's storage to check the last line of defence.
  test.skip(!!process.env.BASE_URL, "BASE_URL points at an instance whose storage this suite cannot write");
  const dir = resolve(".data/e2e/uploads/images/e2e-headers");
  const id = randomBytes(6).toString("hex");
  const files = {
    [`${id}.html`]: ["text/html", `<!doctype html><title>stored</title><script>document.title = "ran"</script>`],
    [`${id}.svg`]: [
      "image/svg+xml",
      `<svg xmlns="http://www.w3.org/2000/svg"><script>document.documentElement.setAttribute("data-ran", "1")</script></svg>`,
    ],
  };
  mkdirSync(dir, { recursive: true });
  for (const [name, [type, body]] of Object.entries(files)) {
    writeFileSync(join(dir, `${name}~type`), type);
    writeFileSync(join(dir, name), body);
  }
  try {
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|sandbox/i.test(m.text())) refused.push(m.text());
    });
    const htmlRes = await page.goto(`/media/images/e2e-headers/${id}.html`);
    expect(cspHeaders(await htmlRes!.headersArray())).toEqual([SANDBOX]);
    await expect(page).toHaveTitle("stored");
    const svgRes = await page.goto(`/media/images/e2e-headers/${id}.svg`);
    expect(cspHeaders(await svgRes!.headersArray())).toEqual([SANDBOX]);
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-ran"))).toBeNull();
    // The browser says why: the policy refused the inline scripts.
    expect(refused.length).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("pages and the API carry one site policy", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/search?q=a", "/forgot-password", "/api/health"]) {
    const res = await request.get(path);
    const csp = cspHeaders(res.headersArray());
    expect(csp, path).toHaveLength(1);
    expect(csp[0], path).toContain("frame-ancestors 'none'");
    expect(csp[0], path).toContain("object-src 'none'");
  }
});

test("no HSTS over plain HTTP, even when the client claims X-Forwarded-Proto: https", async ({ request }) => {
  const claims: Record<string, string>[] = [
    {},
    { "X-Forwarded-Proto": "https" },
    { Host: "shop.example", "X-Forwarded-Proto": "https" },
  ];
  for (const headers of claims) {
    const res = await request.get("/sign-in", { headers });
    expect(res.headers()["strict-transport-security"], JSON.stringify(headers)).toBeUndefined();
  }
});

test("a page rendered for the request allows scripts by a fresh nonce, not 'unsafe-inline', and hydrates", async ({
  page,
  request,
}) => {
  for (const path of ["/sign-in", "/search?q=a", "/cart"]) {
    const first = await request.get(path);
    const second = await request.get(path);
    const csp = first.headers()["content-security-policy"];
    expect(scriptSrc(csp), path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic' /);
    expect(scriptSrc(csp), path).not.toContain("'unsafe-inline'");
    expect(scriptSrc(csp), path).not.toContain("'unsafe-eval'");
    const nonce = nonceOf(csp)!;
    expect(nonceOf(second.headers()["content-security-policy"]), path).not.toBe(nonce);
    // Every script Next rendered carries this response's nonce.
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }

  const violations = await recordViolations(page);
  await page.goto("/sign-in");
  // Hydrated: the form signs in through JavaScript (next-auth's signIn) and answers in place.
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("Wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  expect(violations).toEqual([]);
});

test("cached pages stay cached under the policy without a nonce; a signed-in visitor's render gets a nonce", async ({
  page,
  request,
  newBuyer,
}) => {
  await request.get("/");
  const cached = await request.get("/");
  expect(cached.headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);
  expect(scriptSrc(cached.headers()["content-security-policy"])).toContain("'unsafe-inline'");
  expect(scriptSrc(cached.headers()["content-security-policy"])).not.toContain("'nonce-");

  const violations = await recordViolations(page);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, newBuyer);
  const mine = await page.goto("/");
  expect(mine?.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(scriptSrc(mine?.headers()["content-security-policy"])).toMatch(/'nonce-/);
  expect(scriptSrc(mine?.headers()["content-security-policy"])).not.toContain("'unsafe-inline'");
  // Signing in ran the form's JavaScript, and nothing on either policy was refused.
  expect(violations).toEqual([]);
});

test("pages rendered once and kept, and unknown addresses, keep the policy without a nonce and hydrate for every visitor", async ({
  page,
  request,
}) => {
  // Unknown addresses get the prerendered 404 page. With a nonce in the first request Next would
  // store that nonce in the shared cache, and every later visitor's scripts would be refused.
  for (const path of ["/no-such-page", "/admin/no-such-page", "/no-such-page-2"]) {
    const res = await request.get(path, { headers: { Accept: "text/html" } });
    expect(res.status(), path).toBe(404);
    expect(scriptSrc(res.headers()["content-security-policy"]), path).toContain("'unsafe-inline'");
    expect(await res.text(), path).not.toContain(" nonce=");
  }
  const violations = await recordViolations(page);
  for (const path of ["/no-such-page-3", "/no-such-page-4"]) {
    expect((await page.goto(path))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);

  // A page prerendered at build time.
  const res = await request.get("/forgot-password");
  expect(scriptSrc(res.headers()["content-security-policy"])).toContain("'unsafe-inline'");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(`nobody-${randomBytes(3).toString("hex")}@example.test`);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText("No email? Check your spam folder")).toBeVisible();
  expect(violations).toEqual([]);
});
