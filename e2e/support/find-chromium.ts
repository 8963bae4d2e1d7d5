import { existsSync } from "node:fs";

import { chromium } from "@playwright/test";

/**
 * The browser the e2e suite drives: CHROMIUM_PATH, else Playwright's own download,
 * else Debian's /usr/bin/chromium. With none, the suite fails and says how to get one.
 */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    safe(() => chromium.executablePath()),
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(
    "No Chromium found for the e2e tests. Install one: `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary.",
  );
}

function safe(fn: () => string): string | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
