// N Next web processes behind haproxy, for `npm start` and the production `npm run start:web`.
// Each process listens on its own loopback port; haproxy takes the public port and spreads
// requests over the healthy ones. They share everything through PostgreSQL and Redis (sessions,
// carts, rate limits, the flash-sale gate, and Next's cache via lib/cache/next-cache-handler.mjs),
// so any process can answer any request. Without haproxy, or with one process asked for, a single
// process takes the public port itself.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";

import { freePort } from "./free-port";
import { findHaproxy, startHaproxy, type StartedHaproxy } from "./haproxy";

const NEXT_BIN = resolve("node_modules/next/dist/bin/next");

export type WebProcess = { name: string; port: number; child: ChildProcess };

export type StartedWeb = {
  /** Where clients connect: haproxy, or the one web process. */
  url: string;
  processes: WebProcess[];
  haproxy: StartedHaproxy | null;
  /** A line for the start-up summary: how many processes and what balances them. */
  summary: string;
  stop: () => Promise<void>;
};

/** How many web processes: --web N, else WEB_CONCURRENCY, else one per core. */
export function webProcessCount(flag: string | undefined, envValue: string | undefined): number {
  const raw = flag ?? envValue;
  if (raw === undefined || raw === "") return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--web / WEB_CONCURRENCY must be a whole number of at least 1, got "${raw}"`);
  return n;
}

export async function waitForHealth(url: string, child?: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the web server at ${url} exited (${child.signalCode ?? child.exitCode}) before it was healthy`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the web server did not become healthy at ${url}: ${last}`);
}

function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    child.kill("SIGTERM");
  });
}

export async function startWebProcesses(opts: {
  count: number;
  /** The public port (haproxy's, or the single process's). */
  port: number;
  host: string;
  dev: boolean;
  /** Where haproxy writes its configuration. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Called when a web process exits on its own (not through stop()). */
  onUnexpectedExit: (name: string, code: number | null, signal: NodeJS.Signals | null) => void;
}): Promise<StartedWeb> {
  // next dev compiles on demand in each process: two would compile everything twice.
  const wanted = opts.dev ? 1 : opts.count;
  const haproxyBin = wanted > 1 ? findHaproxy() : null;
  const count = haproxyBin ? wanted : 1;
  let stopping = false;

  // haproxy is one more proxy appending the client's address: the web processes trust one hop
  // more than the operator configured for whatever is in front (lib/auth/client-ip.ts).
  const outerHops = Number(opts.env.TRUSTED_PROXY_HOPS || 0);
  const trustedHops = String((Number.isInteger(outerHops) ? outerHops : 0) + (haproxyBin ? 1 : 0));

  const processes: WebProcess[] = [];
  const taken = new Set([opts.port]);
  for (let i = 0; i < count; i++) {
    const name = count === 1 ? "web" : `web-${i + 1}`;
    // Behind haproxy each process listens on loopback only; alone it takes the public port.
    let port = opts.port;
    if (haproxyBin) {
      do port = await freePort();
      while (taken.has(port));
      taken.add(port);
    }
    const host = haproxyBin ? "127.0.0.1" : opts.host;
    const child = spawn(process.execPath, [NEXT_BIN, opts.dev ? "dev" : "start", "-p", String(port), "-H", host], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...opts.env,
        MARKETPLACE_PROCESS: name,
        NODE_ENV: opts.dev ? "development" : "production",
        TRUSTED_PROXY_HOPS: trustedHops,
      },
    });
    child.on("exit", (code, signal) => {
      if (!stopping) opts.onUnexpectedExit(name, code, signal);
    });
    processes.push({ name, port, child });
  }

  let haproxy: StartedHaproxy | null = null;
  const stop = async () => {
    stopping = true;
    // The balancer first, so no new request reaches a process that is shutting down.
    await haproxy?.stop();
    await Promise.all(processes.map((p) => stopChild(p.child)));
  };

  try {
    await Promise.all(processes.map((p) => waitForHealth(`http://127.0.0.1:${p.port}/api/health`, p.child)));
    if (haproxyBin) {
      haproxy = await startHaproxy({
        binary: haproxyBin,
        dir: join(opts.dataDir, "haproxy"),
        host: opts.host,
        port: opts.port,
        backends: processes.map((p) => p.port),
        edge: !(outerHops > 0),
      });
      await waitForHealth(`http://127.0.0.1:${opts.port}/api/health`);
    }
  } catch (err) {
    await stop();
    throw err;
  }

  const summary = haproxyBin
    ? `Web          ${count} Next processes (${processes.map((p) => p.port).join(", ")}) behind haproxy on port ${opts.port}`
    : wanted > 1
      ? `Web          one Next process on port ${opts.port}: haproxy not found (apt-get install haproxy) to run ${wanted} behind it`
      : `Web          one Next process on port ${opts.port}`;
  return { url: `http://localhost:${opts.port}`, processes, haproxy, summary, stop };
}
