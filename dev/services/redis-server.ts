// Redis for `npm start` and the tests when REDIS_URL is unset: Debian's redis-server,
// started on a free loopback port if it is on PATH. Returns null when it is not.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

import { freePort } from "./free-port";

export type StartedRedis = { url: string; port: number; stop: () => Promise<void> };

export function redisServerOnPath(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

export async function startRedisServer(opts: { dataDir: string; persist?: boolean }): Promise<StartedRedis | null> {
  if (!redisServerOnPath()) return null;
  const dir = resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--protected-mode",
    "yes",
    "--daemonize",
    "no",
  ];
  // Carts survive a restart of `npm start`; tests need no persistence.
  args.push(...(opts.persist ? ["--appendonly", "yes", "--save", "60 1"] : ["--save", "", "--appendonly", "no"]));
  const child: ChildProcess = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start within 10 s")), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
