// The load balancer in front of the web processes: Debian's haproxy, found on PATH or in
// /usr/sbin (where Debian puts it, often off a non-root PATH). Returns null when it is not
// installed; the caller then runs one web process and says so.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";

export type StartedHaproxy = { url: string; port: number; pid: number; stop: () => Promise<void> };

export function findHaproxy(): string | null {
  for (const candidate of ["haproxy", "/usr/sbin/haproxy", "/usr/local/sbin/haproxy"]) {
    if (candidate.startsWith("/") && !existsSync(candidate)) continue;
    if (spawnSync(candidate, ["-v"], { stdio: "ignore" }).status === 0) return candidate;
  }
  return null;
}

/**
 * The configuration: round robin over the web processes, each health-checked on /api/health
 * (a process whose database is down or behind on migrations gets no traffic), and the client's
 * address appended to X-Forwarded-For, the one hop lib/auth/client-ip.ts trusts.
 */
export function haproxyConfig(opts: { host: string; port: number; backends: number[]; edge?: boolean }): string {
  return [
    "global",
    "  maxconn 4096",
    "",
    "defaults",
    "  mode http",
    "  option forwardfor",
    "  option http-keep-alive",
    "  timeout connect 5s",
    // Long enough for a slow checkout or a large CSV import; clients see Next's own errors first.
    "  timeout client 120s",
    "  timeout server 120s",
    "  timeout http-keep-alive 10s",
    "  retries 2",
    "  option redispatch",
    "",
    "frontend web",
    `  bind ${opts.host}:${opts.port}`,
    // At the edge (no proxy in front) clients reach haproxy over plain HTTP, so whatever
    // X-Forwarded-Proto they wrote is replaced: the app trusts this hop (HSTS, docs/HEADERS.md).
    ...(opts.edge ? ["  http-request set-header X-Forwarded-Proto http"] : []),
    "  default_backend next",
    "",
    "backend next",
    "  balance roundrobin",
    "  option httpchk",
    "  http-check send meth GET uri /api/health",
    "  http-check expect status 200",
    // A process busy with a burst answers its health check late, not never: only a check that
    // fails three times in a row, each given 10 s, takes it out. Stricter settings took every
    // process out under a 50-connection benchmark on 2 cores (haproxy then answers 503 to all).
    "  timeout check 10s",
    "  default-server inter 2s fall 3 rise 1",
    ...opts.backends.map((p, i) => `  server web${i + 1} 127.0.0.1:${p} check`),
    "",
  ].join("\n");
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

export async function startHaproxy(opts: {
  binary: string;
  dir: string;
  host: string;
  port: number;
  backends: number[];
  /** Nothing in front of haproxy: it is where clients connect. */
  edge: boolean;
}): Promise<StartedHaproxy> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, "haproxy.cfg");
  writeFileSync(configFile, haproxyConfig(opts));
  // -db: stay in the foreground, so stopping this child stops haproxy (no daemon left behind).
  const child: ChildProcess = spawn(opts.binary, ["-db", "-f", configFile], { stdio: ["ignore", "inherit", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const deadline = Date.now() + 10_000;
  while (!(await portAnswers(opts.port))) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with code ${child.exitCode}: ${stderr.trim()}`);
    if (Date.now() > deadline) throw new Error(`haproxy did not listen on ${opts.port} within 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://localhost:${opts.port}`,
    port: opts.port,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        // SIGUSR1: stop listening and let requests in flight finish; then stop hard.
        const hard = setTimeout(() => child.kill("SIGTERM"), 10_000);
        child.once("exit", () => {
          clearTimeout(hard);
          done();
        });
        child.kill("SIGUSR1");
      }),
  };
}
