// The replica tier (`npm test -- replica`): its own embedded primary and a streaming replica
// built from it (dev/services/embedded-replica.ts), then everything the integration tier
// starts (test/global-setup.ts: the migrated template, Redis, the Stripe emulator, the carrier)
// against that primary. It always starts its own pair, whatever DATABASE_URL says: the tests
// pause the replica's replay, which needs a standby of exactly this primary.
import type { TestProject } from "vitest/node";

import { startEmbeddedPostgres } from "../dev/services/embedded-postgres";
import { startEmbeddedReplica } from "../dev/services/embedded-replica";
import integrationSetup from "./global-setup";

declare module "vitest" {
  export interface ProvidedContext {
    pgReplicaAdminUrl: string;
  }
}

const PRIMARY_DIR = ".data/test-replica/primary";

export default async function setup(project: TestProject) {
  const started = Date.now();
  const primary = await startEmbeddedPostgres({ dataDir: PRIMARY_DIR, database: "postgres", fast: true });
  const replica = await startEmbeddedReplica({
    primaryUrl: primary.url,
    primaryDataDir: PRIMARY_DIR,
    dataDir: ".data/test-replica/standby",
    database: "postgres",
    slot: "test_replica",
    fast: true,
  });
  console.log(
    `[replica] primary on ${primary.port}, standby on ${replica.port} (${replica.built ? "built by a base backup" : "resumed"}) in ${Date.now() - started} ms`,
  );
  process.env.DATABASE_URL = primary.url;
  const stopIntegration = await integrationSetup(project);
  project.provide("pgReplicaAdminUrl", replica.url);
  return async () => {
    await stopIntegration();
    await replica.stop();
    await primary.stop();
  };
}
