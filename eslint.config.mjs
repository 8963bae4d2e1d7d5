import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

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
    // Playwright's fixture callback is named `use`; it is not a React hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
