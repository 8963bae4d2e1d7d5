// Web push settings in the browser: a signed-in buyer turns push on at /account/notifications
// (permission granted, the service worker registered, the subscription stored by the API) and
// off again (removed). Chromium here reaches no push service (no network, no FCM), so
// PushManager.subscribe is replaced by a stand-in that returns a subscription object as a browser
// would; delivery to a real push endpoint, with the payload decrypted, is proven by
// lib/push/push-delivery.int.test.ts.
import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, signIn, test } from "./support/fixtures";

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations).toEqual([]);
}

// Runs in the page before its scripts: the browser's side of a push subscription, kept in
// localStorage so a reload finds it as a real browser would.
function standInPushManager(keys: { p256dh: string; auth: string }) {
  const KEY = "e2e-push-subscription";
  const make = (endpoint: string) => ({
    endpoint,
    expirationTime: null,
    toJSON: () => ({ endpoint, expirationTime: null, keys }),
    unsubscribe: async () => {
      localStorage.removeItem(KEY);
      return true;
    },
  });
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    const key = options?.applicationServerKey as Uint8Array | undefined;
    // The app passes its VAPID public key: an uncompressed P-256 point.
    if (!key || key.byteLength !== 65) throw new DOMException("bad applicationServerKey", "InvalidAccessError");
    const endpoint = `https://push.example.test/e2e/${crypto.randomUUID()}`;
    localStorage.setItem(KEY, endpoint);
    return make(endpoint) as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async function () {
    const endpoint = localStorage.getItem(KEY);
    return (endpoint ? make(endpoint) : null) as unknown as PushSubscription | null;
  };
}

test("a buyer turns push notifications on for this browser, and off again", async ({ page, newBuyer, baseURL }) => {
  await page.context().grantPermissions(["notifications"], { origin: baseURL });
  await page.addInitScript(standInPushManager, {
    p256dh: randomBytes(65).toString("base64url"),
    auth: randomBytes(16).toString("base64url"),
  });
  await signIn(page, newBuyer);
  await page.goto("/account/notifications");
  const status = page.getByRole("status").filter({ hasText: "Push notifications" });
  await expect(status).toHaveText("Push notifications are off on this device.");
  await expectAxeClean(page);

  await page.getByRole("button", { name: "Turn on push notifications" }).click();
  await expect(status).toHaveText("Push notifications are on for this device.");
  const stored = await (await page.request.get("/api/v1/me/push-subscriptions")).json();
  expect(stored.subscriptions).toHaveLength(1);
  expect(stored.subscriptions[0].endpoint).toMatch(/^https:\/\/push\.example\.test\/e2e\//);
  // The real service worker is registered (public/sw.js, allowed by the CSP's worker-src).
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration("/"))?.active))).toBe(
    true,
  );

  await page.reload();
  await expect(status).toHaveText("Push notifications are on for this device.");
  await page.getByRole("button", { name: "Turn off push notifications" }).click();
  await expect(status).toHaveText("Push notifications are off on this device.");
  expect((await (await page.request.get("/api/v1/me/push-subscriptions")).json()).subscriptions).toEqual([]);

  // Junk is refused with a message and stores nothing.
  const bad = await page.request.post("/api/v1/me/push-subscriptions", {
    data: { endpoint: "http://169.254.169.254/latest", keys: { p256dh: "x", auth: "y" } },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBeTruthy();
  expect((await (await page.request.get("/api/v1/me/push-subscriptions")).json()).subscriptions).toEqual([]);
});

test("a buyer sets a phone number, quiet hours and SMS for orders", async ({ page, newBuyer }) => {
  await signIn(page, newBuyer);
  await page.goto("/account/notifications");
  const form = page.getByRole("form", { name: "Phone, quiet hours and digest" });
  await form.getByLabel("Mobile number for text messages").fill("12345");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Enter a valid mobile number")).toBeVisible();

  await form.getByLabel("Mobile number for text messages").fill("+1 415 555 0123");
  await form.getByLabel("From").fill("22:00");
  await form.getByLabel("Until").fill("07:00");
  await form.getByLabel("Time zone").selectOption("Europe/Berlin");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  // Sellers only: a buyer is not offered the digest.
  await expect(form.getByLabel(/One email a day/)).toHaveCount(0);

  const prefs = page.getByRole("form", { name: "Notification settings" });
  const sms = prefs.locator("#pref-orders-sms");
  await expect(sms).not.toBeChecked();
  await sms.check();
  await prefs.getByRole("button", { name: "Save settings" }).click();
  await expect(prefs.getByText("Saved.")).toBeVisible();

  await page.reload();
  await expect(form.getByLabel("Mobile number for text messages")).toHaveValue("+14155550123");
  await expect(form.getByLabel("From")).toHaveValue("22:00");
  await expect(form.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(prefs.locator("#pref-orders-sms")).toBeChecked();
  await expectAxeClean(page);
});
