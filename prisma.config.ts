import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only to generate the client; migrations are SQL files
// applied by scripts/db-migrate.ts (see OFFLINE.md), in Prisma Migrate's layout.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/marketplace" },
});
