// The Stripe.js stand-in in a real browser, driven by the real @stripe/stripe-js and
// @stripe/react-stripe-js: the app page (its own origin) includes the emulator's
// /v3/stripe.js before loadStripe runs, then pays with test cards, 3D Secure included.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

import { chromium, type Browser, type Page } from "@playwright/test";
import { build, type Rollup } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findChromium } from "../../../e2e/support/find-chromium";
import { startHarness, type Harness } from "./support";

const PUBLISHABLE_KEY = "pk_test_browser_suite";

let h: Harness;
let browser: Browser;
let appServer: Server;
let appUrl: string;

async function bundleCheckoutApp(): Promise<string> {
  const output = (await build({
    configFile: false,
    root: fileURLToPath(new URL("./browser", import.meta.url)),
    publicDir: false,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL("./browser/checkout-app.ts", import.meta.url)),
        formats: ["es"],
        fileName: "app",
      },
    },
  })) as Rollup.RollupOutput[];
  const chunk = output[0].output.find((o): o is Rollup.OutputChunk => o.type === "chunk" && o.isEntry);
  return chunk!.code;
}

beforeAll(async () => {
  h = await startHarness();
  const app = await bundleCheckoutApp();
  // The page includes the emulator's script before the app's module runs, which is how the
  // marketplace wires Stripe.js to the emulator: loadStripe then uses window.Stripe as it is.
  const pageHtml = `<!doctype html><html lang="en"><head><title>Checkout</title><script src="${h.emulator.url}/v3/stripe.js"></script></head>
    <body><main id="root"></main><script type="module" src="/app.js"></script></body></html>`;
  appServer = createServer((req, res) => {
    if (req.url?.startsWith("/app.js")) {
      res.writeHead(200, { "Content-Type": "text/javascript" });
      res.end(app);
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(pageHtml);
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  // localhost vs 127.0.0.1: a different origin from the emulator's, like the app's.
  appUrl = `http://localhost:${(appServer.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  appServer?.closeAllConnections();
  await new Promise<void>((resolve) => (appServer ? appServer.close(() => resolve()) : resolve()));
  await h?.close();
});

async function openCheckout(amount: number): Promise<{ page: Page; paymentIntentId: string; errors: string[] }> {
  const pi = await h.stripe.paymentIntents.create({
    amount,
    currency: "usd",
    automatic_payment_methods: { enabled: true },
  });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  await page.goto(`${appUrl}/?pk=${PUBLISHABLE_KEY}&clientSecret=${encodeURIComponent(pi.client_secret!)}`);
  await expect.poll(() => page.getByRole("button", { name: "Pay" }).isEnabled(), { timeout: 10_000 }).toBe(true);
  return { page, paymentIntentId: pi.id, errors };
}

async function typeCard(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiration date (MM / YY)").fill("12 / 34");
  await page.getByLabel("Security code").fill("123");
}

describe("Stripe.js stand-in with @stripe/stripe-js and @stripe/react-stripe-js", () => {
  it("is used by loadStripe as is and renders a labelled card form in the Payment Element", async () => {
    const { page, errors } = await openCheckout(1000);
    expect(await page.locator('script[src^="https://js.stripe.com"]').count()).toBe(0);
    await expect.poll(() => page.getByLabel("Card number").count()).toBe(1);
    expect(await page.getByLabel("Expiration date (MM / YY)").count()).toBe(1);
    expect(await page.getByLabel("Security code").count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("pays with 4242 4242 4242 4242", async () => {
    const { page, paymentIntentId } = await openCheckout(2300);
    await typeCard(page, "4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toBe("status:succeeded");
    expect((await h.stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("succeeded");
    await page.close();
  });

  it("reports a declined card as an error", async () => {
    const { page } = await openCheckout(2300);
    await typeCard(page, "4000 0000 0000 0002");
    await page.getByRole("button", { name: "Pay" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toBe("error:card_declined");
    await page.close();
  });

  it("shows a validation error for an incomplete card", async () => {
    const { page } = await openCheckout(2300);
    await page.getByLabel("Card number").fill("4242");
    await page.getByRole("button", { name: "Pay" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("error:incomplete_number");
    expect(await page.getByRole("alert").textContent()).toBe("Your card number is incomplete.");
    await page.close();
  });

  it("runs 3D Secure in a modal frame and succeeds once the customer completes it", async () => {
    const { page, paymentIntentId } = await openCheckout(4100);
    await typeCard(page, "4000 0025 0000 3155");
    await page.getByRole("button", { name: "Pay" }).click();
    const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
    await challenge.getByRole("button", { name: "Complete authentication" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toBe("status:succeeded");
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect((await h.stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("succeeded");
    await page.close();
  });

  it("serves the script itself with a JavaScript content type", async () => {
    const res = await fetch(`${h.emulator.url}/v3/stripe.js`);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(await res.text()).toBe(readFileSync(new URL("../public/stripe.js", import.meta.url), "utf8"));
  });
});
