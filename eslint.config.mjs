import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";

// Dependencies between lib/ modules run one way. Read "A → B" as "A may import B"; each row
// may import only the rows below it (a module may always import itself), never one above or
// beside it. Edges (app/, components/, worker/, scripts/, tests) may import anything.
//   leaves        notifications, search, reviews, analytics: react to outbox events (worker/subscribers.ts);
//                 privacy: a person's data export and account deletion, reading every domain
//   after sale    returns, claims, payouts, sellers
//   payments      captures, refunds, releases: moves orders through orders' transition table
//   orders        checkout, reservations, the order state machine, the hold gate, the flash-sale gate
//   catalog       listings, categories, cached product pages
//   low domains   http (the route wrapper: sessions), cart, inventory, ledger, fraud (scored inside the capture)
//   auth          sessions, guards
//   users         accounts, passwords
//   foundation    env, db, errors, log, redis, money, cache, outbox, jobs (enqueue only), storage,
//                 rate-limit, mail, addresses, carriers, uploads: import no domain (only each other)
// The data path (catalog → inventory → orders → payments → ledger) is the direction data flows;
// in imports payments sits above orders because a payment outcome moves the order.
const LAYERS = [
  ["notifications", "search", "reviews", "analytics", "privacy", "recommendations"],
  ["returns", "claims", "payouts", "sellers", "messages", "favourites"],
  ["payments"],
  ["orders"],
  ["catalog"],
  ["http", "cart", "inventory", "ledger", "fraud"],
  ["auth"],
  ["users"],
];
const FOUNDATION = [
  "env.ts",
  "db",
  "errors",
  "log",
  "metrics",
  "retention",
  "redis",
  "money",
  "cache",
  "outbox",
  "jobs",
  "storage",
  "rate-limit",
  "mail",
  "push",
  "sms",
  "addresses",
  "carriers",
  "uploads",
  "audit",
];
const layerZones = [
  ...LAYERS.flatMap((row, i) =>
    row.map((mod) => ({
      target: `./lib/${mod}`,
      from: LAYERS.slice(0, i + 1)
        .flat()
        .filter((other) => other !== mod)
        .map((other) => `./lib/${other}`),
      message: `lib/${mod} may import only the layers below it (see LAYERS in eslint.config.mjs).`,
    })),
  ),
  ...FOUNDATION.map((mod) => ({
    target: `./lib/${mod}`,
    from: LAYERS.flat().map((other) => `./lib/${other}`),
    message: `lib/${mod} is a foundation module: it imports no domain (see LAYERS in eslint.config.mjs).`,
  })),
];

const config = [
  ...nextVitals,
  ...nextTs,
  // Formatting belongs to Prettier (`npm run format:check`); ESLint keeps to correctness.
  prettier,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".data/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "tools/stripe-emulator/public/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Nothing under app/ or components/ talks to the database directly: they call lib/<domain>.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db/client", message: "Call a lib/<domain> function instead of Prisma." }],
          patterns: [
            {
              group: ["@/lib/generated/prisma/client", "@prisma/*"],
              message: "Call a lib/<domain> function instead of Prisma.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every variable is read through lib/env.ts, validated once. Tests, scripts and tools set
    // the environment up before the app's exists, so they may read it.
    files: ["app/**", "components/**", "lib/**", "worker/**", "proxy.ts", "instrumentation.ts", "next.config.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read variables through env() from @/lib/env." },
      ],
    },
  },
  {
    // One direction of dependency between lib/ modules (see LAYERS above), and no import cycle
    // between lib/ files. Tests are edges: they may import anything.
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/**/*.test.ts", "lib/generated/**"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: layerZones }],
    },
  },
  {
    // Playwright's fixture callback is named `use`; it is not a React hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
