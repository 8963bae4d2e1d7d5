import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only to generate the client; migrations are SQL files
// applied by scripts/db-migrate.ts (see OFFLINE.md), in Prisma Migrate's layout.
export default defineConfig({
  // A folder: one .prisma file per domain, read as one schema.
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/marketplace" },
});
