// Settings for an embedded PostgreSQL sized to the machine it starts on: its defaults
// (128 MB shared buffers, 4 MB work_mem) fit a Raspberry Pi, not a 3.5 GB catalog.
// The rules follow PostgreSQL's own guidance (docs, "Resource Consumption"): shared buffers a
// quarter of what the server may use, the planner told the OS cache holds about half again, and
// per-sort memory small enough that every connection sorting at once still fits.

export type PostgresTuning = {
  settings: Record<string, string>;
  /** One line for the start-up output. */
  summary: string;
};

const MB = 1024 * 1024;
const GB = 1024 * MB;

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
const mb = (bytes: number) => `${Math.floor(bytes / MB)}MB`;

/**
 * @param totalMemBytes the machine's memory (os.totalmem())
 * @param cores the CPUs this process may use (os.availableParallelism())
 * @param share the part of the machine this server may take: it runs beside the web processes,
 *   the worker and Redis (npm start), or beside other engineers' suites (tests)
 * @param maxConnections one test run clones a database per file, each with its own pool
 */
export function tunePostgres(opts: {
  totalMemBytes: number;
  cores: number;
  share?: number;
  maxConnections?: number;
}): PostgresTuning {
  const share = clamp(opts.share ?? 0.5, 0.05, 1);
  const cores = Math.max(1, Math.floor(opts.cores));
  const maxConnections = opts.maxConnections ?? 300;
  const budget = opts.totalMemBytes * share;

  // Past ~8 GB the OS cache serves PostgreSQL as well as its own buffers do.
  const sharedBuffers = clamp(budget / 4, 128 * MB, 8 * GB);
  const effectiveCache = Math.max(budget * 0.75, sharedBuffers * 2);
  const maintenance = clamp(budget / 16, 64 * MB, 2 * GB);
  // A query may run a few sorts or hashes at once; leave room for each connection to do so.
  const workMem = clamp((budget - sharedBuffers) / (maxConnections * 3), 4 * MB, 256 * MB);
  const parallelPerGather = clamp(Math.floor(cores / 2), 1, 4);

  const settings: Record<string, string> = {
    max_connections: String(maxConnections),
    shared_buffers: mb(sharedBuffers),
    effective_cache_size: mb(effectiveCache),
    work_mem: mb(workMem),
    maintenance_work_mem: mb(maintenance),
    // Bulk loads (seed:catalog) checkpoint far less often than at the 1 GB default.
    max_wal_size: "4GB",
    min_wal_size: "512MB",
    checkpoint_completion_target: "0.9",
    // Local disks are SSDs: random reads cost about as much as sequential ones.
    random_page_cost: "1.1",
    effective_io_concurrency: "200",
    max_worker_processes: String(Math.max(8, cores)),
    max_parallel_workers: String(cores),
    max_parallel_workers_per_gather: String(parallelPerGather),
    max_parallel_maintenance_workers: String(parallelPerGather),
  };
  const gib = (opts.totalMemBytes / GB).toFixed(1);
  const summary =
    `tuned for ${gib} GiB and ${cores} ${cores === 1 ? "core" : "cores"} (share ${share}): ` +
    ["shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem", "max_connections"]
      .map((k) => `${k}=${settings[k]}`)
      .join(" ");
  return { settings, summary };
}

/** The settings as postgres command-line flags. */
export function tuningFlags(tuning: PostgresTuning): string[] {
  return Object.entries(tuning.settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
}
