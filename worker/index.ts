// The worker process: runs every background job. Any number of replicas may run.
// A module (for top-level await), not a script.
export {};
// Names this process in every log line; set before the logger (and env) are first read.
// eslint-disable-next-line no-restricted-properties
process.env.MARKETPLACE_PROCESS ??= "worker";

const { assertServerEnv } = await import("../lib/env");
const { startWorker } = await import("./start-worker");
const { logger } = await import("../lib/log/logger");

const env = assertServerEnv();
const worker = await startWorker({ connectionString: env.DATABASE_URL });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker stopping");
  await worker.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
