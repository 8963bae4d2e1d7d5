import { describe, expect, it } from "vitest";

import { tunePostgres, tuningFlags } from "./postgres-tuning";

const GB = 1024 ** 3;
const mb = (s: string) => Number(s.replace("MB", ""));

describe("tunePostgres", () => {
  it("sizes memory from the machine's share: a quarter for buffers, three quarters for the cache estimate", () => {
    const { settings } = tunePostgres({ totalMemBytes: 24 * GB, cores: 2, share: 0.5 });
    expect(settings.shared_buffers).toBe("3072MB");
    expect(settings.effective_cache_size).toBe("9216MB");
    expect(settings.maintenance_work_mem).toBe("768MB");
    // (12 GB - 3 GB) / (300 connections × 3 operations)
    expect(settings.work_mem).toBe("10MB");
    expect(settings.max_parallel_workers).toBe("2");
    expect(settings.max_parallel_workers_per_gather).toBe("1");
  });

  it("never goes below PostgreSQL's defaults on a small machine, nor past the caps on a big one", () => {
    const small = tunePostgres({ totalMemBytes: 1 * GB, cores: 1, share: 0.25 }).settings;
    expect(mb(small.shared_buffers)).toBe(128);
    expect(mb(small.work_mem)).toBe(4);
    expect(mb(small.maintenance_work_mem)).toBe(64);
    expect(mb(small.effective_cache_size)).toBeGreaterThanOrEqual(256);

    const big = tunePostgres({ totalMemBytes: 512 * GB, cores: 64, share: 1 }).settings;
    expect(mb(big.shared_buffers)).toBe(8192);
    expect(mb(big.maintenance_work_mem)).toBe(2048);
    expect(mb(big.work_mem)).toBe(256);
    expect(big.max_parallel_workers_per_gather).toBe("4");
    expect(big.max_worker_processes).toBe("64");
  });

  it("grows monotonically with memory, and gives each connection less work_mem when there are more", () => {
    let last = 0;
    for (const gb of [2, 4, 8, 16, 32, 64]) {
      const sb = mb(tunePostgres({ totalMemBytes: gb * GB, cores: 4 }).settings.shared_buffers);
      expect(sb).toBeGreaterThanOrEqual(last);
      last = sb;
    }
    const few = mb(tunePostgres({ totalMemBytes: 16 * GB, cores: 4, maxConnections: 50 }).settings.work_mem);
    const many = mb(tunePostgres({ totalMemBytes: 16 * GB, cores: 4, maxConnections: 500 }).settings.work_mem);
    expect(few).toBeGreaterThan(many);
  });

  it("prints one line and passes every setting as a -c flag", () => {
    const tuning = tunePostgres({ totalMemBytes: 24 * GB, cores: 2 });
    expect(tuning.summary).not.toContain("\n");
    expect(tuning.summary).toContain("24.0 GiB and 2 cores");
    expect(tuning.summary).toContain("shared_buffers=3072MB");
    const flags = tuningFlags(tuning);
    expect(flags.filter((f) => f === "-c")).toHaveLength(Object.keys(tuning.settings).length);
    expect(flags).toContain("work_mem=10MB");
  });
});
