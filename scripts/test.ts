// `npm test`: every tier in turn — unit (Vitest), integration (Vitest against real
// PostgreSQL and Redis), replica (Vitest against a primary and its streaming replica), e2e
// (Playwright against a production build) — then one summary.
//   npm test            all tiers
//   npm test -- unit    one tier (unit | int | replica | e2e)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";

type Tier = "unit" | "int" | "replica" | "e2e";
const ALL: Tier[] = ["unit", "int", "replica", "e2e"];
const requested = process.argv.slice(2).filter((a): a is Tier => (ALL as string[]).includes(a));
const tiers = requested.length ? requested : ALL;
const out = resolve(".data/test-results");
mkdirSync(out, { recursive: true });

type Counts = { passed: number; failed: number; skipped: number; seconds: number };
const results: Record<string, Counts> = {};
let exitCode = 0;

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return res.status ?? 1;
}

function vitestCounts(file: string): Omit<Counts, "seconds"> {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0),
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

function playwrightCounts(file: string): Omit<Counts, "seconds"> {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

for (const tier of tiers) {
  const started = Date.now();
  const file = resolve(out, `${tier}.json`);
  rmSync(file, { force: true });
  console.log(`\n━━━ ${tier} tests ━━━`);
  let code: number;
  let counts: Omit<Counts, "seconds">;
  if (tier === "e2e") {
    code = run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);
    counts = playwrightCounts(file);
  } else {
    code = run(process.execPath, [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      tier,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${file}`,
    ]);
    counts = vitestCounts(file);
  }
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  // A tier fails on its failed count too: one vitest run with failed tests exited 0 (seen on a
  // fresh clone, int tier, 2026-12-02), and CI must not go green on it.
  if (code !== 0 || counts.failed > 0) exitCode = 1;
  results[tier] = { ...counts, seconds: Math.round((Date.now() - started) / 1000) };
}

console.log("\n━━━ summary ━━━");
for (const [tier, c] of Object.entries(results)) {
  console.log(
    `${tier.padEnd(7)} ${String(c.passed).padStart(4)} passed, ${c.failed} failed, ${c.skipped} skipped  (${c.seconds} s)`,
  );
}
const total = Object.values(results).reduce(
  (a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed, skipped: a.skipped + c.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode);
