// Keeps the habit from docs/ARCHITECTURE.md: a lib/ module that reaches the database, secrets,
// Redis, Stripe, storage or the mailer starts with `import "server-only"`, so importing it from a
// client component fails the build instead of shipping server code to the browser. Value imports
// only: a module that imports just a type (`import type { Tx }`) is safe in the browser.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const SERVER_ONLY_SOURCES =
  /^import (?!type )[^;]*from "(@\/lib\/db\/client|@\/lib\/env|ioredis|stripe|pg-boss|nodemailer|sharp|bcryptjs|next\/headers|next\/cache|@\/lib\/redis[^"]*|@\/lib\/storage[^"]*|\.\/client|\.\/env)";/m;

// lib/env.ts is loaded by next.config.ts outside Next's bundles; lib/http holds the route and
// action wrappers, which only run on the server and import marked modules anyway.
const EXEMPT = [/^lib\/env\.ts$/, /^lib\/http\//, /^lib\/generated\//, /\.test\.tsx?$/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("server-only habit", () => {
  it("marks every lib/ module that imports a server-only dependency", () => {
    const unmarked = sources("lib")
      .map((file) => file.split(path.sep).join("/"))
      .filter((file) => !EXEMPT.some((rule) => rule.test(file)))
      .filter((file) => {
        const text = readFileSync(file, "utf8");
        return SERVER_ONLY_SOURCES.test(text) && !/^import "server-only";$/m.test(text);
      });
    expect(unmarked, 'add `import "server-only";` at the top of these modules').toEqual([]);
  });

  it("recognises a value import of the database client as server-only", () => {
    expect(SERVER_ONLY_SOURCES.test('import { db } from "@/lib/db/client";')).toBe(true);
    expect(SERVER_ONLY_SOURCES.test('import type { Tx } from "@/lib/db/client";')).toBe(false);
  });
});
