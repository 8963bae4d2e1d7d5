import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";
import { describe, expect, inject, it } from "vitest";

import { migrate } from "./migrate";

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  const name = `mkt_migrate_${Math.random().toString(36).slice(2, 10)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "mkt-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("the migrator", () => {
  it("applies the project's migrations once and records them as Prisma Migrate does", async () => {
    const url = await freshDatabase();
    const first = await migrate({ connectionString: url, log: () => {} });
    expect(first.length).toBeGreaterThan(0);
    expect(await migrate({ connectionString: url, log: () => {} })).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const rows = (
      await c.query(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      )
    ).rows;
    await c.end();
    expect(rows.map((r) => r.migration_name)).toEqual(first);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("refuses a migration edited after it was applied", async () => {
    const url = await freshDatabase();
    const dir = migrationsDir({ "001_a": "CREATE TABLE t (id int);" });
    await migrate({ connectionString: url, dir, log: () => {} });
    writeFileSync(join(dir, "001_a", "migration.sql"), "CREATE TABLE t (id bigint);");
    await expect(migrate({ connectionString: url, dir, log: () => {} })).rejects.toThrow(
      /001_a was changed after it was applied/,
    );
  });

  it("rolls back a failing migration entirely and applies nothing after it", async () => {
    const url = await freshDatabase();
    const dir = migrationsDir({
      "001_ok": "CREATE TABLE ok (id int);",
      "002_bad": "CREATE TABLE half (id int); SELECT * FROM missing_table;",
      "003_later": "CREATE TABLE later (id int);",
    });
    await expect(migrate({ connectionString: url, dir, log: () => {} })).rejects.toThrow(/002_bad failed/);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map(
      (r) => r.tablename,
    );
    await c.end();
    expect(tables).toEqual(["_prisma_migrations", "ok"]);
  });
});
