// `npm run db:seed [-- --products N]`: applies pending migrations to DATABASE_URL, then
// seeds the demo marketplace unless it is already there. Images go to DATA_DIR/uploads.
//   --products N     demo products to create (default 300)
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";

import cliProgress from "cli-progress";

import { DEMO_ADMIN_TOTP_SECRET, DEMO_LOGINS } from "../dev/seed/demo-logins";
import { seedDemo } from "../dev/seed/seed-demo";
import { createPrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { getStorage } from "../lib/storage/get-storage";

const { values: args } = parseArgs({ options: { products: { type: "string", default: "300" } } });

function fail(message: string): never {
  console.error(`[db:seed] ${message}`);
  process.exit(1);
}

if (existsSync(".env")) process.loadEnvFile(".env");
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  fail(
    "DATABASE_URL is not set. Set it to a postgresql:// URL (or use `npm start`, which starts PostgreSQL and seeds on its own).",
  );
}
if (!/^postgres(ql)?:\/\//.test(databaseUrl)) fail("DATABASE_URL must be a postgresql:// URL.");
const products = Number(args.products);
if (!Number.isInteger(products) || products < 0) fail(`--products must be a whole number, got "${args.products}".`);

const say = (line: string) => console.log(`[db:seed] ${line}`);
const t0 = Date.now();
await migrate({ connectionString: databaseUrl, log: say });

const prisma = createPrismaClient(databaseUrl, 4);
const bar = new cliProgress.SingleBar(
  { format: "[db:seed] demo products [{bar}] {value}/{total}", hideCursor: true },
  cliProgress.Presets.shades_classic,
);
let barStarted = false;
// Lines logged while the bar is drawing would tear it, so they wait until it stops.
const heldLines: string[] = [];
const stopBar = () => {
  if (barStarted) bar.stop();
  barStarted = false;
  heldLines.splice(0).forEach(say);
};
try {
  const result = await seedDemo({
    db: prisma,
    storage: getStorage({ DATA_DIR: process.env.DATA_DIR ?? ".data" }),
    products,
    log: (line) => {
      if (barStarted) heldLines.push(line);
      else say(line);
    },
    onProgress: (done, total) => {
      if (!barStarted) {
        bar.start(total, 0);
        barStarted = true;
      }
      bar.update(done);
    },
  });
  stopBar();
  if (!result.seeded) {
    say("demo data is already present; nothing added.");
  } else {
    const c = result.counts;
    say(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s:`);
    say(`  ${c.categories} categories, ${c.users} users (${c.sellers} shops), ${c.addresses} address`);
    say(`  ${c.products} products, ${c.productAttributes} attributes, ${c.inventoryAdjustments} inventory adjustments`);
    say(`  ${c.productImages} product images from ${c.uploads} uploads`);
  }
  say(
    "the demo shops connect their payout accounts at the next `npm start` (on the Stripe emulator), or at /seller/payments",
  );
  say("demo logins:");
  for (const l of DEMO_LOGINS) say(`  ${l.role.padEnd(7)} ${l.email.padEnd(24)} ${l.password}`);
  if (process.env.TOTP_ENCRYPTION_KEY)
    say(`  the admin's two-factor secret: ${DEMO_ADMIN_TOTP_SECRET} (\`npm run demo:code\` shows the current code)`);
  else say("  (TOTP_ENCRYPTION_KEY is unset: the demo admin sets up two-factor sign-in at first sign-in)");
} finally {
  stopBar();
  await prisma.$disconnect();
}
