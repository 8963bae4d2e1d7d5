// Generates the Prisma client offline. The Prisma CLI downloads its schema engine at
// every start, even for `generate`, which never uses it; pointing it at a stub keeps
// `npm install` working without network access beyond the npm registry.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const stubDir = join(tmpdir(), "marketplace-prisma-stub");
const stub = join(stubDir, "schema-engine");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine not available offline' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
