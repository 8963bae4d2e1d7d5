import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { ObjectStorage } from "@/lib/storage/object-storage";
import { verifyPassword } from "@/lib/users/verify-password";
import { createTestDatabase, type TestDatabase } from "@/test/db";

import { DEMO_LOGINS } from "./demo-logins";
import { seedDemoIfAllowed } from "./seed-demo-if-allowed";

let dir: string;
let storage: ObjectStorage;
const databases: TestDatabase[] = [];
const freshDatabase = async () => {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
};
const demoEmails = DEMO_LOGINS.map((l) => l.email);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "seed-if-allowed-"));
  storage = createLocalDiskStorage({ rootDir: dir });
});

afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm start's demo seed", () => {
  it("seeds the demo accounts into its embedded database", async () => {
    const { prisma } = await freshDatabase();
    const outcome = await seedDemoIfAllowed({ source: "embedded", demo: false, db: prisma, storage, products: 2 });
    expect(outcome).toMatchObject({
      allowed: true,
      seeded: true,
      message: "demo data seeded into the embedded database",
    });
    expect(outcome.demoAccounts.sort()).toEqual([...demoEmails].sort());
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.market" } });
    expect(await verifyPassword(DEMO_LOGINS[2].password, admin.passwordHash!)).toBe(true);
  });

  it("creates no account and no data in a configured database, and says so", async () => {
    const { prisma } = await freshDatabase();
    const users = await prisma.user.count();
    const outcome = await seedDemoIfAllowed({ source: "configured", demo: false, db: prisma, storage, products: 2 });
    expect(outcome).toEqual({
      allowed: false,
      seeded: false,
      demoAccounts: [],
      message:
        "DATABASE_URL is configured: no demo data seeded and no account with a known password created (pass --demo to seed the demo into it)",
    });
    expect(await prisma.user.count()).toBe(users);
    expect(await prisma.product.count()).toBe(0);
  });

  it("warns when a configured database already holds demo accounts, and adds nothing", async () => {
    const { prisma } = await freshDatabase();
    await seedDemoIfAllowed({ source: "configured", demo: true, db: prisma, storage, products: 1 });
    const products = await prisma.product.count();
    const outcome = await seedDemoIfAllowed({ source: "configured", demo: false, db: prisma, storage, products: 5 });
    expect(outcome).toMatchObject({ allowed: false, seeded: false });
    expect(outcome.demoAccounts.sort()).toEqual([...demoEmails].sort());
    expect(outcome.message).toContain("already holds demo accounts with the published password");
    expect(await prisma.product.count()).toBe(products);
  });

  it("seeds a configured database when asked with --demo", async () => {
    const { prisma } = await freshDatabase();
    const outcome = await seedDemoIfAllowed({ source: "configured", demo: true, db: prisma, storage, products: 1 });
    expect(outcome).toMatchObject({
      allowed: true,
      seeded: true,
      message: "demo data seeded into DATABASE_URL (--demo)",
    });
    expect(await prisma.user.count({ where: { email: { in: demoEmails } } })).toBe(3);
  });
});
