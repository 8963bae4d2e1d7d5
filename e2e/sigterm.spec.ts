// `npm start` under a process manager: it is launched as `npm start`, and stopped with one
// SIGTERM to the process the manager launched (npm). Everything it started (the web processes,
// haproxy, the worker, PostgreSQL, redis-server, the Stripe emulator and the carrier simulator,
// which run inside start.ts) must be gone and its ports free. Here rather than in the
// integration tier because it serves the production build this tier has just made.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { resolve } from "node:path";

import { expect, test } from "./support/fixtures";

test.skip(!!process.env.BASE_URL, "BASE_URL points at an instance this suite did not start");

function parentOf(pid: number): number | null {
  try {
    // The command name is in parentheses and may contain spaces: the fields after it are plain.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

function descendants(root: number): number[] {
  const pids = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const pid of pids) {
      const ppid = parentOf(pid);
      if (ppid !== null && found.has(ppid) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portAnswers = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });

const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

test("one SIGTERM to `npm start` stops every process it started and frees every port", async () => {
  test.setTimeout(300_000);
  const dataDir = resolve(".data/e2e-sigterm");
  const port = 3390 + Math.floor(Math.random() * 500);
  const npm = spawn(
    "npm",
    [
      "start",
      "--",
      "--port",
      String(port),
      "--data-dir",
      dataDir,
      "--fresh",
      "--products",
      "3",
      "--web",
      "2",
      "--use-build",
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PORT: "", DATABASE_URL: "", REDIS_URL: "" } },
  );
  let output = "";
  npm.stdout.on("data", (c: Buffer) => (output += c.toString()));
  npm.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => npm.once("exit", (code) => done(code)));

  let tree: number[] = [];
  // Whatever fails below, nothing this test started outlives it.
  cleanups.push(async () => {
    for (const pid of new Set([...tree, ...descendants(npm.pid!)])) if (alive(pid)) process.kill(pid, "SIGKILL");
  });
  try {
    await expect.poll(() => output, { timeout: 240_000, intervals: [500] }).toContain("Marketplace is running at");
  } catch (err) {
    throw new Error(`npm start did not come up:\n${output.slice(-3000)}\n${(err as Error).message}`);
  }

  tree = descendants(npm.pid!);
  const commands = tree.filter((pid) => pid !== npm.pid).map(commandLine);
  const has = (pattern: RegExp) => commands.some((c) => pattern.test(c));
  // What a process manager cannot see: npm's whole tree, each kind of child present.
  // Next renames its server process "next-server (vX)".
  const nextServers = commands.filter((c) => /next-server|next\/dist\/bin\/next start/.test(c));
  expect(nextServers.length, commands.join("\n")).toBeGreaterThanOrEqual(has(/haproxy/) ? 2 : 1);
  expect(has(/worker\/index\.ts/)).toBe(true);
  expect(has(/postgres/)).toBe(true);
  expect(has(/redis-server/)).toBe(true);

  const config = JSON.parse(readFileSync(resolve(dataDir, "local-config.json"), "utf8")) as Record<string, string>;
  const web = JSON.parse(readFileSync(resolve(dataDir, "web-processes.json"), "utf8")) as {
    url: string;
    processes: { port: number }[];
  };
  // redis-server retitles itself "redis-server 127.0.0.1:PORT".
  const redisPort = Number(commands.find((c) => /redis-server/.test(c))?.match(/:(\d+)/)?.[1]);
  expect(redisPort).toBeGreaterThan(0);
  const ports = [
    // start.ts takes the next free port when this one is taken.
    Number(new URL(web.url).port),
    ...web.processes.map((p) => p.port),
    Number(config.PG_PORT),
    Number(config.STRIPE_EMULATOR_PORT),
    Number(config.CARRIER_SIMULATOR_PORT),
    redisPort,
  ];
  for (const p of ports) expect(await portAnswers(p), `port ${p} answers while running`).toBe(true);

  npm.kill("SIGTERM");
  const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 60_000))]);
  expect(code, output.slice(-2000)).not.toBe("timeout");

  await expect
    .poll(() => tree.filter(alive).map((pid) => `${pid} ${commandLine(pid)}`), { timeout: 30_000 })
    .toEqual([]);
  for (const p of ports) expect(await portAnswers(p), `port ${p} still answers after SIGTERM`).toBe(false);
  expect(output).toContain("[start] stopped");
});
