import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
// server-only throws unless resolved under React's react-server condition (Next's server
// bundles); tests run server modules directly, so it is the empty module here.
const alias = {
  "@": root,
  "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
};

// Three tiers told apart by suffix: *.test.ts (pure), *.int.test.ts (real PostgreSQL,
// Redis and the Stripe emulator, started by test/global-setup.ts) and *.replica.test.ts (the
// same against a primary with a streaming replica, test/replica-global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.replica.test.ts", "node_modules/**", ".data/**", ".next/**", "e2e/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "int",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".data/**", ".next/**", "e2e/**"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/setup-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "replica",
          include: ["**/*.replica.test.ts"],
          exclude: ["node_modules/**", ".data/**", ".next/**", "e2e/**"],
          environment: "node",
          globalSetup: ["test/replica-global-setup.ts"],
          setupFiles: ["test/setup-file.ts", "test/replica-setup-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          // Files would pause one shared replica under each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
