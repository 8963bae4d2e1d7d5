import { defineConfig } from "vitest/config";

// Runs the emulator's conformance suite on its own, without the root int project's
// PostgreSQL/Redis global setup: `npx vitest run --config tools/stripe-emulator/vitest.config.ts`.
export default defineConfig({
  test: {
    include: ["tools/stripe-emulator/test/**/*.int.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
