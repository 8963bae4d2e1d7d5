// `npm start`'s decision about demo data. The demo accounts share a published password, so they
// may only ever land in a database nobody else relies on: the embedded one npm start runs itself,
// or a configured one whose owner asked for them with `--demo`. Against any other DATABASE_URL it
// creates nothing and says so, and warns when demo accounts are already there.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ObjectStorage } from "@/lib/storage/object-storage";

import { DEMO_LOGINS } from "./demo-logins";
import { seedDemo } from "./seed-demo";

/** Where the database came from: started by npm start (embedded) or named by DATABASE_URL (configured). */
export type DatabaseSource = "embedded" | "configured";

export type DemoSeedOutcome = {
  /** Whether this run may create the demo accounts (it may still find them already there). */
  allowed: boolean;
  /** The demo logins present in the database after this run; their password is published. */
  demoAccounts: string[];
  seeded: boolean;
  /** What happened, in one line for the start-up log. */
  message: string;
};

export async function seedDemoIfAllowed(opts: {
  source: DatabaseSource;
  demo: boolean;
  db: PrismaClient;
  storage: ObjectStorage;
  products?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<DemoSeedOutcome> {
  const allowed = opts.source === "embedded" || opts.demo;
  const emails = DEMO_LOGINS.map((l) => l.email);
  const presentAccounts = async () =>
    (await opts.db.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email);

  if (!allowed) {
    const present = await presentAccounts();
    return {
      allowed,
      demoAccounts: present,
      seeded: false,
      message: present.length
        ? `DATABASE_URL is configured: no demo data seeded, but it already holds demo accounts with the published password (${present.join(", ")}); change their passwords or delete them`
        : "DATABASE_URL is configured: no demo data seeded and no account with a known password created (pass --demo to seed the demo into it)",
    };
  }

  const result = await seedDemo({
    db: opts.db,
    storage: opts.storage,
    products: opts.products,
    onProgress: opts.onProgress,
  });
  const where = opts.source === "embedded" ? "the embedded database" : "DATABASE_URL (--demo)";
  return {
    allowed,
    demoAccounts: await presentAccounts(),
    seeded: result.seeded,
    message: result.seeded ? `demo data seeded into ${where}` : `demo data already present in ${where}`,
  };
}
