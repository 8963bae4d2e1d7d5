// `npm run start:web`: the production web tier. Runs N `next start` processes behind haproxy
// on PORT (see dev/services/web-processes.ts) and nothing else: no embedded services, no demo
// data, no build. Everything comes from the environment (a .env file is read if present, as
// `next start` does); a missing or bad variable stops it with its name. Build first
// (`npm run build`) and migrate (`npm run db:migrate`); run the worker with `npm run start:worker`.
//   --web N      web processes (default WEB_CONCURRENCY, else one per core)
//   --port N     public port (default PORT, else 3000)
// SIGTERM or SIGINT stops haproxy (requests in flight finish), then every web process.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import { startWebProcesses, webProcessCount, type StartedWeb } from "../dev/services/web-processes";

const { values: args } = parseArgs({ options: { web: { type: "string" }, port: { type: "string" } } });
const say = (msg: string) => console.log(`[start:web] ${msg}`);

if (existsSync(".env")) process.loadEnvFile(".env");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const { assertServerEnv } = await import("../lib/env");
const env = assertServerEnv();

if (!existsSync(resolve(env.NEXT_DIST_DIR, "BUILD_ID"))) {
  console.error(`[start:web] no production build in ${env.NEXT_DIST_DIR}: run \`npm run build\` first`);
  process.exit(1);
}

// haproxy's configuration is generated per run; production file systems may be read-only but /tmp.
const runDir = mkdtempSync(join(tmpdir(), "marketplace-web-"));
let web: StartedWeb | null = null;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping…");
  await web?.stop();
  rmSync(runDir, { recursive: true, force: true });
  say("stopped");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));

try {
  const port = Number(args.port ?? process.env.PORT ?? 3000);
  web = await startWebProcesses({
    count: webProcessCount(args.web, process.env.WEB_CONCURRENCY),
    port,
    host: process.env.HOST ?? "0.0.0.0",
    dev: false,
    dataDir: runDir,
    env: process.env,
    onUnexpectedExit: (name, code, signal) => {
      console.error(`[start:web] ${name} exited (${signal ?? code}); stopping`);
      void stop(1);
    },
  });
  say(web.summary.replace(/^Web\s+/, ""));
  say(`serving ${web.url}`);
} catch (err) {
  console.error(`[start:web] ${(err as Error).message}`);
  await stop(1);
}
