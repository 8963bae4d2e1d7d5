// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL and installs the job queue.
import { migrate } from "../lib/db/migrate";
import { installJobQueue } from "../lib/jobs/boss";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Set it to your PostgreSQL URL (npm start sets it up for you).");
  process.exit(1);
}
const applied = await migrate({ connectionString: url });
await installJobQueue(url);
console.log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
