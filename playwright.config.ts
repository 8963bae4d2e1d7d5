import { defineConfig, devices } from "@playwright/test";

import { findChromium } from "./e2e/support/find-chromium";
import { smtpSinkAddress } from "./e2e/support/smtp-inbox";

// BASE_URL points the suite at any running instance; otherwise it starts its own
// (fresh embedded services, a small demo catalog, a production build) on E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.BASE_URL ?? `http://localhost:${port}`;
// The app it starts sends email over SMTP to a sink the specs read (e2e/support/smtp-sink-server.ts).
const sink = smtpSinkAddress(port);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: ".data/test-results/e2e.json" }]]
    : [["list"], ["json", { outputFile: ".data/test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Signs the demo admin in once (a TOTP code is good once); see e2e/admin-session.setup.ts.
    { name: "admin-session", testMatch: "admin-session.setup.ts" },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: "**/*.mobile.spec.ts",
      dependencies: ["admin-session"],
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"] },
      testMatch: "**/*.mobile.spec.ts",
      dependencies: ["admin-session"],
    },
  ],
  webServer: process.env.BASE_URL
    ? undefined
    : [
        {
          command: `npx tsx e2e/support/smtp-sink-server.ts --smtp-port ${sink.smtpPort} --http-port ${sink.httpPort}`,
          url: `${sink.httpUrl}/health`,
          timeout: 60_000,
          reuseExistingServer: false,
          stdout: "pipe",
          stderr: "pipe",
        },
        {
          command: `npx tsx --conditions=react-server scripts/start.ts --port ${port} --data-dir .data/e2e --products 40 --fresh`,
          // Every test signs up from 127.0.0.1; scale the per-IP limits so the suite isn't throttled.
          env: { RATE_LIMIT_MULTIPLIER: "50", SMTP_URL: sink.smtpUrl },
          url: `${baseURL}/api/health`,
          timeout: 600_000,
          reuseExistingServer: false,
          stdout: "pipe",
          stderr: "pipe",
          gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
        },
      ],
});
