// `npm run seed:catalog -- --products N [--sellers S]`: bulk-loads a large, realistic catalogue
// (for benchmarks and capacity tests) into DATABASE_URL, or, when that is unset, into the
// embedded PostgreSQL of --data-dir (started if it is not running, reused if `npm start` runs it).
//
// Fast enough for N = 1,000,000: rows stream in with COPY ... FROM STDIN over the `pg` client's
// own connection (the small CopyIn submittable below; no pg-copy-streams, no psql), one
// transaction per batch of products with their attributes, images, initial stock adjustments
// and (PostgreSQL search engine) search documents, with two connections in flight so Node
// generates the next batch while PostgreSQL writes the last. Content comes from word lists and
// a PRNG seeded per product, so product i is the same on every run whatever the batching
// (faker reseeded per row costs ~300 µs per product for a title and description alone, about
// five minutes of one core per million), and every id is time-ordered (UUIDv7 layout), so
// indexes grow at their right edge instead of splitting pages at random.
//
// Measured on 2 cores (shared): 1,000,000 products with 3.6M attributes, 1.5M images, 0.9M
// adjustments and 1M search documents in 765 s (10,500 rows/s); the search documents are
// about 60% of the database time, so --skip-search roughly halves it.
//
// The category tree is the demo one (DEMO_CATEGORIES): when it is missing, the demo seed runs
// with 0 products to create it (plus the demo logins). Images are a pool of two generated
// photos per leaf category (sharp + writeImageVariants, through the configured storage); the
// first product image to use a pool upload owns it (product_images.upload_id is unique), the
// rest share its files with upload_id NULL, as the demo seed does.
//
// Re-running with the same --seed resumes: products already committed are skipped, so
// `--products 1000000` after an interrupted run loads only what is missing, and a larger N
// later adds to the same catalogue (their dates are spread by the N of the run that wrote them).
//
//   --products N        catalogue size to reach for this seed (required)
//   --sellers S         shops to spread it over (default N/1000, at least 5)
//   --data-dir DIR      embedded PostgreSQL and local uploads (default DATA_DIR or .data)
//   --batch B           products per transaction (default 5000)
//   --connections C     batches in flight (default 2)
//   --seed X            content seed, 0-4095 (default 1)
//   --skip-adjustments  no 'initial' inventory_adjustments rows
//   --trust-references  skip foreign-key checks while loading (superuser; ~30% faster)
//   --keep-indexes      keep every index while loading (by default a load at least as big as
//                       the catalogue already there drops the secondary indexes of the tables
//                       it fills and builds them once at the end: several times faster)
//   --verify-search N   check 1 in N search documents (default 100; 1: all) against what the
//                       indexer's refresh_product_search_documents would write; any difference
//                       fails the batch before it commits
//   --skip-search       do not fill product_search_documents (rebuild it later with
//                       `npm run search:reindex`, or let the worker bootstrap an empty index)
import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import cliProgress from "cli-progress";
import pg from "pg";

import { DEMO_CATEGORIES, type DemoLeafCategory, type DemoTopCategory } from "../dev/seed/demo-categories";
import { startEmbeddedPostgres } from "../dev/services/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { hashPassword } from "../lib/users/hash-password";

const { values: args } = parseArgs({
  options: {
    products: { type: "string" },
    sellers: { type: "string" },
    "data-dir": { type: "string" },
    batch: { type: "string", default: "5000" },
    connections: { type: "string", default: "2" },
    seed: { type: "string", default: "1" },
    "skip-adjustments": { type: "boolean", default: false },
    "skip-search": { type: "boolean", default: false },
    "trust-references": { type: "boolean", default: false },
    "keep-indexes": { type: "boolean", default: false },
    "verify-search": { type: "string", default: "100" },
    help: { type: "boolean", default: false },
  },
});

const say = (line: string) => console.log(`[seed:catalog] ${line}`);
function fail(message: string): never {
  console.error(`[seed:catalog] ${message}`);
  process.exit(1);
}

if (args.help) {
  console.log(
    readFileSync(new URL(import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("//"))
      .map((l) => l.slice(3))
      .join("\n"),
  );
  process.exit(0);
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max)
    fail(`--${flag} must be a whole number from ${min} to ${max}, got "${value ?? ""}".`);
  return n;
}

const TOTAL = wholeNumber("products", args.products, 1, 100_000_000);
const SELLERS =
  args.sellers === undefined
    ? Math.max(5, Math.round(TOTAL / 1000))
    : wholeNumber("sellers", args.sellers, 1, 1_000_000);
const BATCH = wholeNumber("batch", args.batch, 100, 50_000);
const CONNECTIONS = wholeNumber("connections", args.connections, 1, 16);
const SEED = wholeNumber("seed", args.seed, 0, 4095);
const WITH_ADJUSTMENTS = !args["skip-adjustments"];
/** lib/search/indexing/drain-search-outbox.ts's SEARCH_CONSUMER (a server-only module). */
const SEARCH_CONSUMER = "search-index";
const VERIFY_EVERY = wholeNumber("verify-search", args["verify-search"], 1, 1_000_000);
const SELLER_PASSWORD = "Catalog-Seller-2026";

// ───────────────────────────── deterministic randomness and ids ─────────────────────────────

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** mulberry32: tiny, fast, good enough for test data. */
class Rng {
  private s: number;
  constructor(...parts: number[]) {
    let h = 0x9e3779b9 ^ SEED;
    for (const p of parts) h = mix32(h ^ mix32(p >>> 0) ^ Math.floor(p / 4294967296));
    this.s = h;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// Every row this tool writes has an id of UUIDv7 layout: 48 bits of "time" (a fixed base plus
// the row's ordinal, so ids ascend in load order), version 7, the seed in rand_a, then the
// kind of row, 24 hashed bits and the ordinal itself, so (seed, kind, ordinal) ⇒ one id.
const KIND = { product: 1, image: 2, adjustment: 3, seller: 4, sellerUser: 5, upload: 6 } as const;
const ID_BASE_MS = Date.UTC(2026, 0, 1);
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const SEED_HEX = SEED.toString(16).padStart(3, "0");

function orderedId(kind: number, n: number): string {
  const ts = ID_BASE_MS + n;
  const hi = Math.floor(ts / 4294967296);
  const lo = ts >>> 0;
  const h = mix32(n ^ (kind << 24) ^ SEED);
  return (
    HEX[(hi >>> 8) & 255] +
    HEX[hi & 255] +
    HEX[lo >>> 24] +
    HEX[(lo >>> 16) & 255] +
    "-" +
    HEX[(lo >>> 8) & 255] +
    HEX[lo & 255] +
    "-7" +
    SEED_HEX +
    "-" +
    HEX[0x80 | kind] +
    HEX[h & 255] +
    "-" +
    HEX[(h >>> 8) & 255] +
    HEX[(h >>> 16) & 255] +
    HEX[(n >>> 24) & 255] +
    HEX[(n >>> 16) & 255] +
    HEX[(n >>> 8) & 255] +
    HEX[n & 255]
  );
}

// ───────────────────────────── COPY FROM STDIN over node-postgres ─────────────────────────────

type PgConnection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };
const COPY_CHUNK = 1 << 20;

/**
 * A node-postgres "submittable" that runs `COPY ... FROM STDIN` and streams `data` as the
 * CopyData messages of the simple-query protocol. The client hands it the connection once
 * the server answers CopyInResponse, and calls handleReadyForQuery when the command is over.
 */
class CopyIn {
  callback?: (err: Error | null) => void;
  rowCount = 0;
  private error: Error | null = null;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}
  submit(connection: PgConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: PgConnection): void {
    for (let off = 0; off < this.data.length && !this.error; off += COPY_CHUNK)
      connection.sendCopyFromChunk(this.data.subarray(off, off + COPY_CHUNK));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }): void {
    const m = /^COPY (\d+)/.exec(msg.text ?? "");
    if (m) this.rowCount = Number(m[1]);
  }
  handleError(err: Error): void {
    this.error = err;
  }
  handleReadyForQuery(): void {
    this.callback?.(this.error);
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

function copyIn(client: pg.Client, table: string, columns: readonly string[], data: Buffer): Promise<number> {
  if (data.length === 0) return Promise.resolve(0);
  const copy = new CopyIn(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`, data);
  return new Promise((ok, ko) => {
    copy.callback = (err) => (err ? ko(err) : ok(copy.rowCount));
    client.query(copy as unknown as pg.Submittable);
  });
}

/** A value in COPY's text format. */
function esc(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}
const ts = (d: number) => new Date(d).toISOString().slice(0, 23);

// ───────────────────────────── word lists ─────────────────────────────

const TITLE_MODIFIERS = [
  "Classic",
  "Pro",
  "Essential",
  "Ultra",
  "Compact",
  "Deluxe",
  "Everyday",
  "Signature",
  "Lite",
  "Max",
  "Eco",
  "Studio",
  "Plus",
  "Prime",
  "Air",
  "Urban",
  "Trail",
  "Heritage",
  "Nova",
  "Core",
  "Edge",
  "Select",
  "Original",
  "Premium",
];
const ADJECTIVES = [
  "quiet",
  "bright",
  "sturdy",
  "lightweight",
  "elegant",
  "practical",
  "durable",
  "versatile",
  "compact",
  "generous",
  "refined",
  "rugged",
  "soft",
  "crisp",
  "balanced",
  "reliable",
  "sleek",
  "warm",
  "clever",
  "honest",
];
const FEATURES = [
  "finish",
  "build quality",
  "attention to detail",
  "materials",
  "design",
  "fit",
  "performance",
  "comfort",
  "battery life",
  "craftsmanship",
  "packaging",
  "ergonomics",
  "stitching",
  "colour range",
  "controls",
];
const USES = [
  "everyday use",
  "gifting",
  "travel",
  "small spaces",
  "families",
  "beginners and experts alike",
  "weekend projects",
  "busy mornings",
  "the office",
  "the outdoors",
  "long trips",
  "students",
];
const SELLING_POINTS = [
  "Ships within two business days in recyclable packaging.",
  "Covered by a 30-day no-questions return policy.",
  "One of our most-reviewed picks this season.",
  "Backed by a one-year manufacturer warranty.",
  "Checked by hand before it leaves the shop.",
  "Thoughtfully made, and priced fairly.",
  "Free returns on your first order from this shop.",
  "Restocked weekly, so it's rarely out for long.",
  "Made in small batches by a family-run workshop.",
  "Spare parts available for five years.",
];
const BOOK_WORDS = [
  "River",
  "Garden",
  "Winter",
  "Lantern",
  "Harbor",
  "Orchard",
  "Signal",
  "Mirror",
  "Compass",
  "Meadow",
  "Atlas",
  "Ember",
  "Tide",
  "Letters",
  "Summer",
  "Glass",
  "Forest",
  "Island",
  "Shadow",
  "Archive",
  "Season",
  "Kingdom",
  "Journey",
  "Silence",
  "Station",
  "Window",
  "Promise",
  "Stone",
  "Harvest",
  "Voyage",
];
const BOOK_ADJECTIVES = [
  "Last",
  "Hidden",
  "Quiet",
  "Long",
  "Secret",
  "Golden",
  "Broken",
  "Distant",
  "Little",
  "Wild",
  "Forgotten",
  "Bright",
  "Northern",
  "Endless",
  "Silver",
];
const FIRST_NAMES = [
  "Ada",
  "Ben",
  "Chloe",
  "Diego",
  "Elena",
  "Farah",
  "Gus",
  "Hana",
  "Ivan",
  "Jade",
  "Kofi",
  "Lena",
  "Marco",
  "Nina",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tara",
  "Umar",
  "Vera",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Aiko",
  "Bruno",
  "Celia",
  "Dev",
];
const LAST_NAMES = [
  "Okafor",
  "Lindqvist",
  "Moreau",
  "Tanaka",
  "Rivera",
  "Novak",
  "Haddad",
  "Kowalski",
  "Fischer",
  "Mensah",
  "Costa",
  "Nakamura",
  "Oduya",
  "Petrov",
  "Quintero",
  "Rossi",
  "Schmidt",
  "Takahashi",
  "Varga",
  "Walsh",
  "Xu",
  "Yilmaz",
  "Zhang",
  "Andersen",
  "Baptiste",
  "Chen",
  "Dubois",
  "Evans",
  "Ferreira",
  "Gupta",
];
const SHOP_WORDS = [
  "Goods",
  "Supply",
  "Workshop",
  "Market",
  "Trading Co.",
  "Outfitters",
  "Emporium",
  "House",
  "Collective",
  "Studio",
  "Depot",
  "Corner",
  "Store",
  "Co.",
  "Lab",
];
const SHOP_PREFIXES = [
  "Maple",
  "Copper",
  "Harbor",
  "Juniper",
  "Cedar",
  "Blue Door",
  "Fox & Hound",
  "Lighthouse",
  "North Star",
  "Old Mill",
  "Riverbend",
  "Saltbox",
  "Tin Roof",
  "Willow",
  "Granite",
  "Pinecone",
  "Sunday",
  "Paper Crane",
  "Iron Gate",
  "Little Bear",
];

// ───────────────────────────── the catalogue's shape ─────────────────────────────

type Leaf = DemoLeafCategory & {
  top: DemoTopCategory;
  topIndex: number;
  position: number;
  leafIndex: number;
  id: number;
  /** The category's path and its ancestors' ("electronics", "electronics/phones"), as the search view builds them. */
  paths: string[];
  /** The names along the path, by depth ("Electronics Phones"). */
  names: string;
};
type Seller = { n: number; profileId: string; userId: string; shopName: string; tops: number[] };
type PoolImage = { uploadId: string; key: string; width: number; height: number };

const YEAR_MS = 365 * 24 * 3600 * 1000;
const IMAGES_PER_LEAF = 2;

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function planSellers(
  count: number,
  now: number,
): (Seller & {
  email: string;
  name: string;
  shopName: string;
  slug: string;
  description: string;
  createdAt: number;
})[] {
  return Array.from({ length: count }, (_, n) => {
    const r = new Rng(KIND.seller, n);
    const name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
    const shopName = `${r.pick(SHOP_PREFIXES)} ${r.pick(SHOP_WORDS)}`;
    // Every top-level category has shops, however few there are.
    const tops = new Set([
      n % DEMO_CATEGORIES.length,
      ...DEMO_CATEGORIES.map((_, t) => t).filter((t) => t % count === n),
    ]);
    const extra = r.int(0, 2);
    for (let k = 0; k < extra; k++) tops.add(r.int(0, DEMO_CATEGORIES.length - 1));
    const names = [...tops].map((t) => DEMO_CATEGORIES[t].name.toLowerCase());
    return {
      n,
      profileId: orderedId(KIND.seller, n),
      userId: orderedId(KIND.sellerUser, n),
      tops: [...tops],
      email: `seller-${SEED}-${n}@catalog.example`,
      name,
      shopName: `${shopName} ${n + 1}`,
      slug: `${slugify(shopName)}-${SEED}-${n + 1}`.slice(0, 60),
      description: `${shopName}: ${names.join(", ")} picked by ${name.split(" ")[0]}, shipped fast.`,
      createdAt: now - 2 * YEAR_MS + Math.floor(r.next() * YEAR_MS),
    };
  });
}

function priceCents(r: Rng, [min, max]: readonly [number, number]): number {
  // Log-uniform: cheap items are more common than expensive ones; whole dollars minus a cent.
  const raw = Math.exp(Math.log(min) + r.next() * (Math.log(max) - Math.log(min)));
  return Math.max(99, Math.round(raw / 100) * 100 - 1);
}

function stockOf(r: Rng): number {
  const roll = r.next();
  if (roll < 0.08) return 0;
  if (roll < 0.23) return r.int(1, 5);
  return r.int(6, 250);
}

type Generated = {
  ids: string[];
  products: string;
  attributes: string;
  images: string;
  adjustments: string;
  docs: DocumentRecipe[];
  counts: { products: number; attributes: number; images: number; adjustments: number };
};

function makeGenerator(ctx: {
  leaves: Leaf[];
  sellersByTop: Seller[][];
  pool: Map<number, PoolImage[]>;
  claimed: Set<string>;
  now: number;
  withDocs: boolean;
}) {
  const withDocs = ctx.withDocs;
  const spacing = YEAR_MS / TOTAL;
  const start = ctx.now - YEAR_MS;
  return function generate(from: number, to: number): Generated {
    const ids: string[] = [];
    const p: string[] = [];
    const a: string[] = [];
    const im: string[] = [];
    const ad: string[] = [];
    const docs: DocumentRecipe[] = [];
    for (let i = from; i < to; i++) {
      const r = new Rng(KIND.product, i);
      const leaf = r.pick(ctx.leaves);
      const sellers = ctx.sellersByTop[leaf.topIndex];
      // A few big shops, many small ones.
      const seller = sellers[Math.floor(sellers.length * r.next() ** 2)];
      const id = orderedId(KIND.product, i);
      ids.push(id);

      const attributes: [string, string][] = [];
      let title: string;
      let author = "";
      if (leaf.brands.length === 0) {
        const w = r.pick(BOOK_WORDS);
        const pattern = r.int(0, 3);
        title =
          pattern === 0
            ? `The ${r.pick(BOOK_ADJECTIVES)} ${w}`
            : pattern === 1
              ? `${w} of ${r.pick(BOOK_WORDS)}s`
              : pattern === 2
                ? `A ${r.pick(BOOK_ADJECTIVES)} ${w}`
                : `${r.pick(FIRST_NAMES)}'s ${w}`;
        author = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
        attributes.push(["author", author]);
      } else {
        const brand = r.pick(leaf.brands);
        title = `${brand} ${r.pick(TITLE_MODIFIERS)} ${r.pick(leaf.nouns)}`;
        attributes.push(["brand", brand]);
      }
      for (const [key, values] of Object.entries(leaf.attributes)) attributes.push([key, r.pick(values)]);
      if (leaf.brands.length > 0 && r.chance(0.4)) title += `, ${attributes[1][1]}`;

      const specs = attributes.map(([k, v]) => `${k[0].toUpperCase()}${k.slice(1)}: ${v}`).join(" · ");
      const sp1 = r.int(0, SELLING_POINTS.length - 1);
      const sp2 = (sp1 + r.int(1, SELLING_POINTS.length - 1)) % SELLING_POINTS.length;
      const adj1 = r.pick(ADJECTIVES);
      // (Drawn in this order so product i stays the product it always was.)
      const feature1 = r.pick(FEATURES);
      const adj2 = r.pick(ADJECTIVES);
      const feature2 = r.pick(FEATURES);
      const use = r.pick(USES);
      // The description, in pieces whose words never run into one another (see composeDocument).
      const rest = author ? `by ${author}. ${leaf.blurb}` : leaf.blurb;
      const points = `${SELLING_POINTS[sp1]} ${SELLING_POINTS[sp2]}`;
      const praise1 = `${adj1[0].toUpperCase()}${adj1.slice(1)} ${feature1}`;
      const praise2 = `and ${adj2} ${feature2} make it a good choice for ${use}.`;
      const description = [
        author ? `${title} ${rest}` : `${title}. ${rest}`,
        points,
        `${praise1} ${praise2}`,
        specs,
      ].join("\n\n");

      const createdAt = Math.floor(start + (i % TOTAL) * spacing + r.next() * spacing);
      const publishedAt = Math.min(ctx.now, createdAt + r.int(1, 120) * 60_000);
      const stock = stockOf(r);
      const price = priceCents(r, leaf.priceCents);
      p.push(
        `${id}\t${seller.profileId}\t${esc(title)}\t${esc(description)}\t${leaf.id}\t${price}\tUSD\t${stock}\tactive\t${ts(publishedAt)}\t${ts(createdAt)}\t${ts(publishedAt)}\n`,
      );
      // In key order, the order of the table's primary key, so a scan of a product's attributes
      // returns them in the same order whether it reads the heap or the index.
      const sorted = [...attributes].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      for (const [k, v] of sorted) a.push(`${id}\t${esc(k)}\t${esc(v)}\n`);
      if (withDocs)
        docs.push({
          id,
          sellerId: seller.profileId,
          leaf,
          title,
          // product_search_source: category names, then attribute values (in key order).
          weightB: `${leaf.names} ${sorted.map(([, v]) => v).join(" ")}`,
          description: [title, rest, points, praise1, praise2, specs],
          shop: seller.shopName,
          pairs: sorted.map(([k, v]) => `${k}:${v}`),
          price,
          inStock: stock > 0,
          publishedAt,
        });

      const pool = ctx.pool.get(leaf.leafIndex)!;
      const imageCount = r.chance(0.55) ? 2 : 1;
      for (let position = 0; position < imageCount; position++) {
        const img = pool[(i + position) % pool.length];
        const owns = !ctx.claimed.has(img.uploadId);
        if (owns) ctx.claimed.add(img.uploadId);
        im.push(
          `${orderedId(KIND.image, i * 4 + position)}\t${id}\t${owns ? img.uploadId : "\\N"}\t${img.key}\t${position}\t${img.width}\t${img.height}\t${esc(title)}\t${ts(createdAt)}\n`,
        );
      }
      if (WITH_ADJUSTMENTS && stock > 0)
        ad.push(
          `${orderedId(KIND.adjustment, i)}\t${id}\t${seller.userId}\t${stock}\t${stock}\tinitial\t${ts(createdAt)}\n`,
        );
    }
    return {
      ids,
      products: p.join(""),
      attributes: a.join(""),
      images: im.join(""),
      adjustments: ad.join(""),
      docs,
      counts: { products: p.length, attributes: a.length, images: im.length, adjustments: ad.length },
    };
  };
}

// ───────────────────────────── search documents, composed here ─────────────────────────────

// Computing a search document is most of a load's database time: search_document_vector runs
// to_tsvector over the title, categories and attributes, description and shop name of every
// product (~0.3 ms of a core each, most of it the description). But a catalogue made of word
// lists is made of few distinct pieces: a title, a blurb, a pair of selling points, a phrase of
// praise, a line of specs. So each distinct piece goes through PostgreSQL's to_tsvector once
// (cached here), and every document is put together from its pieces the way PostgreSQL's
// tsvector `||` does it (the right side's positions shifted past the left side's), then
// loaded with COPY like the other tables. A piece is parsed with a sentinel word after it,
// whose position tells how many words the piece has, stop words included, so pieces join
// exactly where a single to_tsvector over the whole text would have counted.
//
// Every batch checks a sample of its documents (--verify-search; all of them with 1) against
// what the indexer writes, in SQL, inside the batch's transaction, and fails on any difference.

type DocumentRecipe = {
  id: string;
  sellerId: string;
  leaf: Leaf;
  title: string;
  weightB: string;
  /** The description's pieces, in order; joined by spaces and punctuation they are the description. */
  description: string[];
  shop: string;
  pairs: string[];
  price: number;
  inStock: boolean;
  publishedAt: number;
};

/** A piece's to_tsvector: lexemes with their positions, the largest position and the words counted. */
type Piece = { lexemes: [string, number[]][]; maxPos: number; words: number };

const SENTINEL = "qqqzzzq";
const MAX_POS = 16383; // PostgreSQL's MAXENTRYPOS - 1: positions beyond are clamped to it
const pieces = new Map<string, Piece>();

function parseVector(text: string): [string, number[]][] {
  const out: [string, number[]][] = [];
  const re = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push([m[1].replace(/''/g, "'"), m[2] ? m[2].split(",").map((p) => parseInt(p, 10)) : []]);
  return out;
}

/** Parses every piece not seen before, in one statement. */
async function loadPieces(client: pg.Client, texts: Iterable<string>): Promise<void> {
  const missing = [...new Set([...texts].filter((t) => !pieces.has(t)))];
  if (missing.length === 0) return;
  const { rows } = await client.query<{ v: string }>(
    `SELECT to_tsvector('english', unaccent(u.t || ' ${SENTINEL}'))::text AS v
       FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i) ORDER BY u.i`,
    [missing],
  );
  rows.forEach(({ v }, k) => {
    const all = parseVector(v);
    const sentinel = all.find(([lex]) => lex === SENTINEL);
    if (!sentinel || sentinel[1].length !== 1) fail(`cannot count the words of ${JSON.stringify(missing[k])}`);
    const lexemes = all.filter((e) => e !== sentinel);
    const maxPos = Math.max(0, ...lexemes.flatMap(([, ps]) => ps));
    pieces.set(missing[k], { lexemes, maxPos, words: sentinel[1][0] - 1 });
  });
}

/** A tsvector under construction: lexeme → positions with their weight letter. */
class VectorBuilder {
  private readonly entries = new Map<string, string[]>();
  private readonly bare = new Set<string>();
  /** Adds a piece's lexemes at `offset` with `weight` ("A"–"C"; "" for D, which prints bare). */
  add(piece: Piece, offset: number, weight: string): void {
    for (const [lex, positions] of piece.lexemes) {
      let list = this.entries.get(lex);
      if (!list) this.entries.set(lex, (list = []));
      for (const p of positions) list.push(`${Math.min(p + offset, MAX_POS)}${weight}`);
    }
  }
  addBare(lexeme: string): void {
    this.bare.add(lexeme);
  }
  /** The tsvector's input form (PostgreSQL sorts lexemes and positions on input). */
  toString(): string {
    const q = (l: string) => `'${l.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
    const parts: string[] = [];
    for (const [lex, ps] of this.entries) parts.push(`${q(lex)}:${ps.join(",")}`);
    for (const lex of this.bare) if (!this.entries.has(lex)) parts.push(q(lex));
    return parts.join(" ");
  }
}

const md5Tokens = new Map<string, string>();
function filterToken(prefix: string, text: string): string {
  const key = prefix + text;
  let t = md5Tokens.get(key);
  if (!t) md5Tokens.set(key, (t = prefix + createHash("md5").update(text, "utf8").digest("hex").slice(0, 16)));
  return t;
}

/** A text[] in PostgreSQL's array input form. */
const pgArray = (items: string[]) =>
  `{${items.map((x) => `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;

/**
 * search_document_vector(title, category names + attribute text, description, shop, …):
 * setweight(title, A) || setweight(categories and attributes, B) || setweight(description, C)
 * || setweight(shop, D) || the filter tokens.
 */
function composeDocument(d: DocumentRecipe): string {
  const v = new VectorBuilder();
  const title = pieces.get(d.title)!;
  const weightB = pieces.get(d.weightB)!;
  const shop = pieces.get(d.shop)!;
  let offset = 0;
  v.add(title, offset, "A");
  offset += title.maxPos;
  v.add(weightB, offset, "B");
  offset += weightB.maxPos;
  // Inside the description, each piece starts after the previous piece's last word.
  let words = 0;
  let descriptionMax = 0;
  for (const text of d.description) {
    const piece = pieces.get(text)!;
    if (piece.maxPos > 0) {
      v.add(piece, offset + words, "C");
      descriptionMax = words + piece.maxPos;
    }
    words += piece.words;
  }
  offset += descriptionMax;
  v.add(shop, offset, "");
  for (const path of d.leaf.paths) v.addBare(filterToken("_c", path));
  for (const pair of d.pairs) v.addBare(filterToken("_a", pair));
  if (d.inStock) v.addBare("_instock");
  return v.toString();
}

const SEARCH_COLUMNS = [
  "product_id",
  "seller_id",
  "category_id",
  "category_paths",
  "title",
  "title_norm",
  "document",
  "attribute_pairs",
  "price_cents",
  "currency",
  "rating_avg",
  "review_count",
  "seller_rating",
  "seller_fulfilment_hours",
  "in_stock",
  "fraud_score",
  "published_at",
  "indexed_at",
];

/** The product_search_documents rows of a batch, in COPY's text format. */
async function searchRows(client: pg.Client, docs: DocumentRecipe[], indexedAt: string): Promise<string> {
  await loadPieces(
    client,
    docs.flatMap((d) => [d.title, d.weightB, d.shop, ...d.description]),
  );
  let out = "";
  for (const d of docs) {
    // lower(unaccent(title)): the word lists are plain ASCII, where unaccent changes nothing.
    out += `${d.id}\t${d.sellerId}\t${d.leaf.id}\t${esc(pgArray(d.leaf.paths))}\t${esc(d.title)}\t${esc(d.title.toLowerCase())}\t${esc(composeDocument(d))}\t${esc(pgArray(d.pairs))}\t${d.price}\tUSD\t0\t0\t0\t\\N\t${d.inStock ? "t" : "f"}\t0\t${ts(d.publishedAt)}\t${indexedAt}\n`;
  }
  return out;
}

/** Ids (of `ids`) whose document is not exactly what refresh_product_search_documents would write. */
async function differingDocuments(client: pg.Client, ids: string[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT s.product_id::text AS id
       FROM product_search_source s
       LEFT JOIN product_search_documents d ON d.product_id = s.product_id
      WHERE s.product_id = ANY($1::uuid[])
        AND (d.product_id IS NULL OR NOT s.sellable
          OR d.document::text IS DISTINCT FROM search_document_vector(s.title, s.category_names, s.attribute_text, s.description,
               s.shop_name, s.category_paths, s.attribute_pairs, s.in_stock)::text
          OR d.title_norm IS DISTINCT FROM lower(unaccent(s.title)) OR d.title IS DISTINCT FROM s.title
          OR d.category_paths IS DISTINCT FROM s.category_paths OR d.attribute_pairs IS DISTINCT FROM s.attribute_pairs
          OR d.seller_id IS DISTINCT FROM s.seller_id OR d.category_id IS DISTINCT FROM s.category_id
          OR d.price_cents IS DISTINCT FROM s.price_cents OR d.currency IS DISTINCT FROM s.currency
          OR d.rating_avg IS DISTINCT FROM s.rating_avg OR d.review_count IS DISTINCT FROM s.review_count
          OR d.seller_rating IS DISTINCT FROM s.seller_rating
          OR d.seller_fulfilment_hours IS DISTINCT FROM s.seller_fulfilment_hours
          OR d.in_stock IS DISTINCT FROM s.in_stock OR d.fraud_score IS DISTINCT FROM s.fraud_score
          OR d.published_at IS DISTINCT FROM s.published_at)`,
    [ids],
  );
  return rows.map((r) => r.id);
}

// ───────────────────────────── setup steps ─────────────────────────────

async function connectDatabase(): Promise<{ url: string; dataDir: string; stop: () => Promise<void> }> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const dataDir = resolve(args["data-dir"] ?? process.env.DATA_DIR ?? ".data");
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, dataDir, stop: async () => {} };
  const configFile = join(dataDir, "local-config.json");
  const local = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as Record<string, string>) : {};
  // The demo admin's two-factor secret is sealed with npm start's key (dev/seed/insert-demo-two-factor.ts).
  // A data dir npm start never ran has none: assigning undefined to process.env would store the
  // string "undefined" and the seal would fail on it, so the admin is then left to enrol.
  if (local.TOTP_ENCRYPTION_KEY) process.env.TOTP_ENCRYPTION_KEY ??= local.TOTP_ENCRYPTION_KEY;
  say(`DATABASE_URL is not set: using the embedded PostgreSQL of ${dataDir}`);
  const pgServer = await startEmbeddedPostgres({
    dataDir: join(dataDir, "postgres"),
    database: "marketplace",
    port: Number(local.PG_PORT ?? 54320),
  });
  say(
    pgServer.reused
      ? `  already running on port ${pgServer.port} (npm start?), reusing it`
      : `  started on port ${pgServer.port}; stopped again at the end`,
  );
  return { url: pgServer.url, dataDir, stop: pgServer.stop };
}

async function ensureCategories(client: pg.Client, url: string, dataDir: string): Promise<Leaf[]> {
  const slugs = DEMO_CATEGORIES.flatMap((t) => t.children.map((c) => c.slug));
  const read = async () =>
    new Map(
      (
        await client.query<{ id: number; slug: string }>(`SELECT id, slug FROM categories WHERE slug = ANY($1)`, [
          slugs,
        ])
      ).rows.map((r) => [r.slug, r.id]),
    );
  let ids = await read();
  if (ids.size === 0) {
    say("no demo category tree yet: running the demo seed with 0 products to create it (and the demo logins)");
    const { createPrismaClient } = await import("../lib/db/client");
    const { seedDemo } = await import("../dev/seed/seed-demo");
    const { getStorage } = await import("../lib/storage/get-storage");
    const prisma = createPrismaClient(url, 2);
    try {
      await seedDemo({ db: prisma, storage: storageFor(dataDir, getStorage), products: 0 });
    } finally {
      await prisma.$disconnect();
    }
    ids = await read();
  }
  const missing = slugs.filter((s) => !ids.has(s));
  if (missing.length > 0) fail(`the database has part of the demo category tree; missing: ${missing.join(", ")}`);
  // The same paths and names as the product_search_source view computes per product.
  const shapes = new Map(
    (
      await client.query<{ id: number; paths: string[]; names: string }>(
        `SELECT c.id, cp.paths,
                coalesce((SELECT string_agg(a.name, ' ' ORDER BY a.depth) FROM categories a WHERE a.path = ANY (cp.paths)), '') AS names
           FROM categories c
          CROSS JOIN LATERAL (
            SELECT ARRAY(SELECT array_to_string((string_to_array(c.path, '/'))[1:n], '/')
                           FROM generate_series(1, cardinality(string_to_array(c.path, '/'))) AS n ORDER BY n) AS paths
          ) cp
          WHERE c.id = ANY($1::int[])`,
        [[...ids.values()]],
      )
    ).rows.map((r) => [r.id, r]),
  );
  let leafIndex = 0;
  return DEMO_CATEGORIES.flatMap((top, topIndex) =>
    top.children.map((leaf, position): Leaf => ({
      ...leaf,
      top,
      topIndex,
      position,
      leafIndex: leafIndex++,
      id: ids.get(leaf.slug)!,
      paths: shapes.get(ids.get(leaf.slug)!)!.paths,
      names: shapes.get(ids.get(leaf.slug)!)!.names,
    })),
  );
}

type GetStorage = typeof import("../lib/storage/get-storage").getStorage;
function storageFor(dataDir: string, getStorage: GetStorage) {
  const e = process.env;
  return getStorage({
    DATA_DIR: dataDir,
    S3_BUCKET: e.S3_BUCKET || undefined,
    S3_ENDPOINT: e.S3_ENDPOINT || undefined,
    S3_REGION: e.S3_REGION || undefined,
    S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID || undefined,
    S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY || undefined,
    S3_PUBLIC_URL: e.S3_PUBLIC_URL || undefined,
  } as Parameters<GetStorage>[0]);
}

async function ensureSellers(client: pg.Client, now: number): Promise<Seller[]> {
  const planned = planSellers(SELLERS, now);
  const passwordHash = await hashPassword(SELLER_PASSWORD);
  for (let k = 0; k < planned.length; k += 5000) {
    const chunk = planned.slice(k, k + 5000);
    const col = <T>(f: (s: (typeof planned)[number]) => T) => chunk.map(f);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO users (id, email, name, role, password_hash, email_verified, created_at, updated_at)
       SELECT u.id, u.email, u.name, 'seller', $4, u.created_at, u.created_at, u.created_at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $5::timestamp[]) AS u(id, email, name, created_at)
       ON CONFLICT (id) DO NOTHING`,
      [col((s) => s.userId), col((s) => s.email), col((s) => s.name), passwordHash, col((s) => ts(s.createdAt))],
    );
    await client.query(
      `INSERT INTO seller_profiles (id, user_id, shop_name, slug, description, charges_enabled, payouts_enabled, details_submitted, created_at, updated_at)
       SELECT s.id, s.user_id, s.shop_name, s.slug, s.description, true, true, true, s.created_at, s.created_at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamp[]) AS s(id, user_id, shop_name, slug, description, created_at)
       ON CONFLICT (id) DO NOTHING`,
      [
        col((s) => s.profileId),
        col((s) => s.userId),
        col((s) => s.shopName),
        col((s) => s.slug),
        col((s) => s.description),
        col((s) => ts(s.createdAt)),
      ],
    );
    await client.query("COMMIT");
  }
  return planned.map(({ n, profileId, userId, shopName, tops }) => ({ n, profileId, userId, shopName, tops }));
}

async function ensureImagePool(
  client: pg.Client,
  leaves: Leaf[],
  sellersByTop: Seller[][],
  dataDir: string,
  now: number,
): Promise<{ pool: Map<number, PoolImage[]>; rendered: number }> {
  const planned = leaves.flatMap((leaf) =>
    Array.from({ length: IMAGES_PER_LEAF }, (_, v) => ({
      leaf,
      variant: v,
      uploadId: orderedId(KIND.upload, leaf.leafIndex * IMAGES_PER_LEAF + v),
    })),
  );
  type UploadRow = {
    id: string;
    width: number;
    height: number;
    variants: { key: string; width: number; height: number }[];
  };
  const existing = new Map(
    (
      await client.query<UploadRow>(
        `SELECT id::text, width, height, variants FROM uploads WHERE id = ANY($1::uuid[])`,
        [planned.map((p) => p.uploadId)],
      )
    ).rows.map((r) => [r.id, r]),
  );
  const missing = planned.filter((p) => !existing.has(p.uploadId));
  if (missing.length > 0) {
    say(`rendering ${missing.length} pool images (sharp, ${IMAGES_PER_LEAF} per leaf category)…`);
    const { renderPlaceholderImage } = await import("../dev/seed/render-placeholder-image");
    const { writeImageVariants } = await import("../lib/storage/write-image-variants");
    const { getStorage } = await import("../lib/storage/get-storage");
    const storage = storageFor(dataDir, getStorage);
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const item = missing[next++];
        const original = await renderPlaceholderImage({
          hue: item.leaf.top.hue + item.leaf.position * 12,
          kind: item.leaf.slug,
          title: item.leaf.name,
          subtitle: item.leaf.top.name,
          variant: item.variant + 3,
        });
        const originalKey = `originals/${item.uploadId}.jpg`;
        await storage.put(originalKey, original, "image/jpeg");
        const { width, height, variants } = await writeImageVariants({
          storage,
          uploadId: item.uploadId,
          input: original,
        });
        const owner = sellersByTop[item.leaf.topIndex][0];
        await client.query(
          `INSERT INTO uploads (id, user_id, purpose, status, content_type, byte_size, original_key, width, height, variants, created_at, updated_at)
           VALUES ($1, $2, 'product_image', 'ready', 'image/jpeg', $3, $4, $5, $6, $7::jsonb, $8, $8) ON CONFLICT (id) DO NOTHING`,
          [
            item.uploadId,
            owner.userId,
            original.length,
            originalKey,
            width,
            height,
            JSON.stringify(variants),
            ts(now - YEAR_MS),
          ],
        );
        existing.set(item.uploadId, { id: item.uploadId, width, height, variants });
      }
    };
    await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  }
  const pool = new Map<number, PoolImage[]>();
  for (const p of planned) {
    const row = existing.get(p.uploadId)!;
    const largest = row.variants[row.variants.length - 1];
    pool.set(p.leaf.leafIndex, [
      ...(pool.get(p.leaf.leafIndex) ?? []),
      { uploadId: p.uploadId, key: largest.key, width: largest.width, height: largest.height },
    ]);
  }
  return { pool, rendered: missing.length };
}

/** The start of the id range of everything of `kind` at ordinal >= n (all later bits zero). */
function idFloor(n: number): string {
  const t = ID_BASE_MS + n;
  const hi = Math.floor(t / 4294967296);
  const lo = t >>> 0;
  return `${HEX[(hi >>> 8) & 255]}${HEX[hi & 255]}${HEX[lo >>> 24]}${HEX[(lo >>> 16) & 255]}-${HEX[(lo >>> 8) & 255]}${HEX[lo & 255]}-0000-0000-000000000000`;
}

/**
 * The product ranges [from, to) still to load, at most BATCH long: every ordinal below TOTAL
 * that no earlier run of this seed committed (whatever its --products or --batch was).
 */
async function pendingRanges(client: pg.Client): Promise<{ ranges: [number, number][]; present: number }> {
  const have = new Uint8Array(TOTAL);
  const rows = await client.query<{ i: number }>(
    `SELECT ('x' || right(id::text, 8))::bit(32)::int AS i FROM products
      WHERE id >= $1::uuid AND id < $2::uuid AND substr(id::text, 15, 4) = $3 AND substr(id::text, 20, 2) = $4`,
    [idFloor(0), idFloor(TOTAL), `7${SEED_HEX}`, HEX[0x80 | KIND.product]],
  );
  let present = 0;
  for (const { i } of rows.rows) {
    if (i >= 0 && i < TOTAL && !have[i]) {
      have[i] = 1;
      present++;
    }
  }
  const ranges: [number, number][] = [];
  for (let i = 0; i < TOTAL;) {
    if (have[i]) {
      i++;
      continue;
    }
    const from = i;
    while (i < TOTAL && !have[i] && i - from < BATCH) i++;
    ranges.push([from, i]);
  }
  return { ranges, present };
}

// ───────────────────────────── indexes built after the load ─────────────────────────────

// A B-tree or GIN index kept up to date row by row costs far more than one built once from the
// finished table (a sort, written sequentially): at 10M products the search table's GIN
// indexes alone are most of the load. So a big load (at least as many products as the
// database has, and LOAD_FRESH_MIN or more) drops the secondary indexes of the tables it
// fills and builds them again at the end. Primary keys and unique indexes stay: the loader's
// ON CONFLICT and the foreign keys rely on them. The dropped definitions are kept in a table
// first, so an interrupted run's re-run (or any later run) builds them even if this one dies.
const BULK_TABLES = [
  "products",
  "product_attributes",
  "product_images",
  "inventory_adjustments",
  "product_search_documents",
];
const DEFERRED_TABLE = "seed_catalog_deferred_indexes";
const LOAD_FRESH_MIN = 100_000;

async function deferIndexes(client: pg.Client): Promise<number> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS "${DEFERRED_TABLE}" (name text PRIMARY KEY, table_name text NOT NULL, definition text NOT NULL)`,
  );
  const { rows } = await client.query<{ name: string; table_name: string; definition: string }>(
    `SELECT i.relname AS name, t.relname AS table_name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1)
        AND NOT x.indisunique AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [BULK_TABLES],
  );
  await client.query("BEGIN");
  for (const r of rows) {
    await client.query(
      `INSERT INTO "${DEFERRED_TABLE}" (name, table_name, definition) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
      [r.name, r.table_name, r.definition],
    );
    await client.query(`DROP INDEX "${r.name}"`);
  }
  await client.query("COMMIT");
  return rows.length;
}

/** Builds every index an earlier step (of this run or an interrupted one) deferred, on `clients` at once. */
async function buildDeferredIndexes(admin: pg.Client, clients: pg.Client[]): Promise<string[]> {
  const exists = (await admin.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [DEFERRED_TABLE]))
    .rows[0].t;
  if (!exists) return [];
  // Biggest tables first, so the last index to finish is a small one.
  const { rows } = await admin.query<{ name: string; definition: string }>(
    `SELECT d.name, d.definition FROM "${DEFERRED_TABLE}" d
       LEFT JOIN pg_class t ON t.relname = d.table_name AND t.relkind = 'r'
      ORDER BY pg_total_relation_size(t.oid) DESC NULLS LAST, d.name`,
  );
  const lines: string[] = [];
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < rows.length) {
        const { name, definition } = rows[next++];
        const t = Date.now();
        const present = (
          await client.query<{ t: string | null }>(`SELECT to_regclass(quote_ident($1))::text AS t`, [name])
        ).rows[0].t;
        if (!present) await client.query(definition);
        await client.query(`DELETE FROM "${DEFERRED_TABLE}" WHERE name = $1`, [name]);
        lines.push(`${name} ${present ? "was there already" : `built in ${secs(Date.now() - t)}`}`);
      }
    }),
  );
  await admin.query(`DROP TABLE "${DEFERRED_TABLE}"`);
  return lines;
}

/**
 * Without a cursor the search indexer (and `npm start`) rebuilds the whole index from scratch,
 * which is the load's search work again (about an hour at 10M products on 2 cores). After a
 * load that filled the documents, the only products lacking one are those some other way wrote
 * without outbox events (the demo seed's): they are indexed here, then the cursor is set at
 * the outbox position from before the load, as reindexSearch does, so nothing is missed.
 */
async function claimSearchCursor(client: pg.Client, mark: string): Promise<string[]> {
  const has = await client.query("SELECT 1 FROM outbox_cursors WHERE consumer = $1", [SEARCH_CONSUMER]);
  if (has.rowCount) return [];
  const t = Date.now();
  const { rows } = await client.query<{ id: string }>(
    `SELECT id::text FROM products WHERE substr(id::text, 15, 4) <> $1 OR substr(id::text, 20, 2) <> $2 ORDER BY id`,
    [`7${SEED_HEX}`, HEX[0x80 | KIND.product]],
  );
  for (let k = 0; k < rows.length; k += 5000)
    await client.query("SELECT refresh_product_search_documents($1::uuid[])", [
      rows.slice(k, k + 5000).map((r) => r.id),
    ]);
  await client.query(
    `INSERT INTO outbox_cursors (consumer, last_id, updated_at) VALUES ($1, $2, CURRENT_TIMESTAMP) ON CONFLICT (consumer) DO NOTHING`,
    [SEARCH_CONSUMER, mark],
  );
  return [
    `search indexer's cursor set at outbox event ${mark} (${fmt(rows.length)} products from elsewhere indexed first, ${secs(Date.now() - t)}): the app does not rebuild the index on its first start`,
  ];
}

// ───────────────────────────── loading a batch (on a loader thread) ─────────────────────────────

type SearchMode = "fill" | "skip" | "meili" | "none";
/** How a batch writes its documents: composed here ("compose", big loads) or by the indexer's SQL function ("fill"). */
type LoadMode = SearchMode | "compose";
type LoaderInit = {
  url: string;
  searchMode: LoadMode;
  leaves: Leaf[];
  sellersByTop: Seller[][];
  pool: [number, PoolImage[]][];
  claimed: string[];
  now: number;
};
type BatchDone = {
  counts: {
    products: number;
    attributes: number;
    images: number;
    adjustments: number;
    search: number;
    verified: number;
  };
  time: { generate: number; copy: number; search: number; commit: number };
};

async function openLoaderClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A crash loses at most the last uncommitted batches, which a re-run redoes.
  await client.query("SET synchronous_commit = off");
  // Rows only reference shops, categories, uploads and products this run made or read, so
  // the per-row foreign-key triggers can be skipped (superuser only; ~30% faster; it also
  // skips every other trigger, so it stays opt-in).
  if (args["trust-references"]) await client.query("SET session_replication_role = replica");
  return client;
}

/** Products [from, to) with their attributes, images, adjustments and search documents, in one transaction. */
async function loadBatch(
  client: pg.Client,
  generate: ReturnType<typeof makeGenerator>,
  searchMode: LoadMode,
  from: number,
  to: number,
): Promise<BatchDone> {
  const g0 = Date.now();
  const g = generate(from, to);
  const c0 = Date.now();
  const time = { generate: c0 - g0, copy: 0, search: 0, commit: 0 };
  let indexed = 0;
  let verified = 0;
  await client.query("BEGIN");
  try {
    await copyIn(client, "products", PRODUCT_COLUMNS, Buffer.from(g.products));
    await copyIn(client, "product_attributes", ATTRIBUTE_COLUMNS, Buffer.from(g.attributes));
    await copyIn(client, "product_images", IMAGE_COLUMNS, Buffer.from(g.images));
    await copyIn(client, "inventory_adjustments", ADJUSTMENT_COLUMNS, Buffer.from(g.adjustments));
    const s0 = Date.now();
    time.copy = s0 - c0;
    if (searchMode === "fill")
      indexed = (await client.query<{ n: number }>(`SELECT refresh_product_search_documents($1::uuid[]) AS n`, [g.ids]))
        .rows[0].n;
    if (searchMode === "compose") {
      const rows = await searchRows(client, g.docs, ts(Date.now()));
      indexed = await copyIn(client, "product_search_documents", SEARCH_COLUMNS, Buffer.from(rows));
      const sample = g.ids.filter((_, k) => k % VERIFY_EVERY === 0);
      const wrong = await differingDocuments(client, sample);
      if (wrong.length > 0)
        throw new Error(
          `${wrong.length} of ${sample.length} sampled search documents differ from what the indexer writes (e.g. product ${wrong[0]}); nothing of this batch was committed`,
        );
      verified = sample.length;
    }
    const m0 = Date.now();
    time.search = m0 - s0;
    await client.query("COMMIT");
    time.commit = Date.now() - m0;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
  return { counts: { ...g.counts, search: indexed, verified }, time };
}

const LOADER_ENV = "SEED_CATALOG_LOADER";

/** A loader process: one connection, batches as the main process hands them out. */
async function loaderThread(init: LoaderInit): Promise<void> {
  const port = { postMessage: (m: unknown) => process.send!(m) };
  const generate = makeGenerator({
    leaves: init.leaves,
    sellersByTop: init.sellersByTop,
    pool: new Map(init.pool),
    claimed: new Set(init.claimed),
    now: init.now,
    withDocs: init.searchMode === "compose",
  });
  const client = await openLoaderClient(init.url);
  process.on("message", ({ range }: { range: [number, number] | null }) => {
    if (range === null) {
      void client.end().finally(() => process.exit(0));
      return;
    }
    loadBatch(client, generate, init.searchMode, range[0], range[1]).then(
      (done) => port.postMessage({ done }),
      (err: Error) => port.postMessage({ error: err.stack ?? err.message }),
    );
  });
  port.postMessage({ ready: true });
}

// ───────────────────────────── main ─────────────────────────────

const PRODUCT_COLUMNS = [
  "id",
  "seller_id",
  "title",
  "description",
  "category_id",
  "price_cents",
  "currency",
  "inventory_count",
  "status",
  "published_at",
  "created_at",
  "updated_at",
];
const ATTRIBUTE_COLUMNS = ["product_id", "attribute_key", "attribute_value"];
const IMAGE_COLUMNS = [
  "id",
  "product_id",
  "upload_id",
  "s3_key",
  "position",
  "width",
  "height",
  "alt_text",
  "created_at",
];
const ADJUSTMENT_COLUMNS = ["id", "product_id", "actor_id", "delta", "resulting_count", "reason", "created_at"];

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const t0 = Date.now();
  const now = Date.now();
  const database = await connectDatabase();
  let bar: cliProgress.SingleBar | null = null;
  const stopAll = async () => {
    bar?.stop();
    await database.stop().catch(() => {});
  };
  process.on("SIGINT", () => {
    say("interrupted: committed batches stay; run the same command again to resume");
    void stopAll().then(() => process.exit(130));
  });

  try {
    await migrate({ connectionString: database.url, log: (m) => say(m) });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const leaves = await ensureCategories(admin, database.url, database.dataDir);
      const sellers = await ensureSellers(admin, now);
      const sellersByTop = DEMO_CATEGORIES.map((_, t) => sellers.filter((s) => s.tops.includes(t)));
      const { pool, rendered } = await ensureImagePool(admin, leaves, sellersByTop, database.dataDir, now);
      const poolIds = [...pool.values()].flat().map((p) => p.uploadId);
      const claimed = new Set(
        (
          await admin.query<{ upload_id: string }>(
            `SELECT upload_id::text FROM product_images WHERE upload_id = ANY($1::uuid[])`,
            [poolIds],
          )
        ).rows.map((r) => r.upload_id),
      );

      const searchTable = (
        await admin.query<{ t: string | null; f: string | null }>(
          `SELECT to_regclass('product_search_documents')::text AS t, to_regproc('refresh_product_search_documents')::text AS f`,
        )
      ).rows[0];
      const searchMode: SearchMode =
        !searchTable.t || !searchTable.f
          ? "none"
          : process.env.MEILI_HOST
            ? "meili"
            : args["skip-search"]
              ? "skip"
              : "fill";

      const { ranges: pending, present: alreadyThere } = await pendingRanges(admin);
      say(
        `${fmt(TOTAL)} products over ${fmt(SELLERS)} shops in ${leaves.length} leaf categories, ${poolIds.length} pool images (${rendered} rendered now)`,
      );
      say(
        `batches of ${fmt(BATCH)} on ${CONNECTIONS} connections; inventory adjustments: ${WITH_ADJUSTMENTS ? "yes" : "no"}; search documents: ${{ fill: "filled in the same pass", skip: "skipped (--skip-search)", meili: "not filled (MEILI_HOST is set)", none: "no product_search_documents table" }[searchMode]}`,
      );
      if (alreadyThere > 0) say(`resuming: ${fmt(alreadyThere)} products of this seed are already there`);
      const pendingCount = pending.reduce((sum, [from, to]) => sum + to - from, 0);
      const [{ n: productsBefore }] = (await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM products"))
        .rows;
      const bigLoad = pendingCount >= LOAD_FRESH_MIN && pendingCount >= productsBefore;
      if (bigLoad && !args["keep-indexes"]) {
        const dropped = await deferIndexes(admin);
        say(
          `${fmt(pendingCount)} new products onto ${fmt(productsBefore)}: ${dropped} secondary indexes dropped, built again after the load (--keep-indexes keeps them)`,
        );
      }

      // The outbox position before the load: the search indexer's cursor starts there (below).
      const [{ mark: outboxMark }] = (
        await admin.query<{ mark: string }>("SELECT coalesce(max(id), 0)::text AS mark FROM outbox_events")
      ).rows;
      // Composing documents pays once the piece cache is warm (a few hundred thousand products
      // per loader); a small load uses the indexer's own function, in this process.
      const loadMode: LoadMode = searchMode === "fill" && bigLoad ? "compose" : searchMode;
      const generate = makeGenerator({ leaves, sellersByTop, pool, claimed, now, withDocs: loadMode === "compose" });
      const counts = { products: 0, attributes: 0, images: 0, adjustments: 0, search: 0, verified: 0 };
      const time = { generate: 0, copy: 0, search: 0, commit: 0 };
      const loadStart = Date.now();
      const rowsSoFar = () => counts.products + counts.attributes + counts.images + counts.adjustments + counts.search;
      bar = new cliProgress.SingleBar(
        {
          format: "[seed:catalog] [{bar}] {percentage}% {value}/{total} products | {rate} rows/s | ETA {eta_formatted}",
          hideCursor: true,
          etaBuffer: 20,
          noTTYOutput: true,
          notTTYSchedule: 15_000,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(TOTAL, alreadyThere, { rate: "0" });

      const add = (d: BatchDone) => {
        for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += d.counts[k];
        for (const k of Object.keys(time) as (keyof typeof time)[]) time[k] += d.time[k];
        bar!.increment(d.counts.products, { rate: fmt(rowsSoFar() / ((Date.now() - loadStart) / 1000)) });
      };
      let nextBatch = 0;
      // The first batch here, so the pool uploads are claimed by one generator only; the rest
      // on one thread per connection (generating and composing documents is as much CPU as
      // PostgreSQL's side of COPY, so one Node thread could not keep several connections busy).
      if (pending.length > 0) {
        const client = await openLoaderClient(database.url);
        try {
          const [from, to] = pending[nextBatch++];
          add(await loadBatch(client, generate, loadMode, from, to));
        } finally {
          await client.end().catch(() => {});
        }
      }
      // A small load stays in this process (a loader process takes 20-60 s to start when busy).
      if (!bigLoad)
        await Promise.all(
          Array.from({ length: Math.min(CONNECTIONS, pending.length - nextBatch) }, async () => {
            const client = await openLoaderClient(database.url);
            try {
              while (nextBatch < pending.length) {
                const [from, to] = pending[nextBatch++];
                add(await loadBatch(client, generate, loadMode, from, to));
              }
            } finally {
              await client.end().catch(() => {});
            }
          }),
        );
      const init: LoaderInit = {
        url: database.url,
        searchMode: loadMode,
        leaves,
        sellersByTop,
        pool: [...pool],
        // Every pool upload counts as owned from here on: two threads must never both claim one.
        claimed: [...new Set([...claimed, ...poolIds])],
        now,
      };
      const runThread = () =>
        new Promise<void>((ok, ko) => {
          // A process, not a worker thread: tsx's loader does not reach worker threads here.
          const thread = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
            env: { ...process.env, [LOADER_ENV]: "1" },
            serialization: "advanced",
          });
          const feed = () => thread.send({ range: nextBatch < pending.length ? pending[nextBatch++] : null });
          thread.send(init);
          thread.on("message", (m: { ready?: true; done?: BatchDone; error?: string }) => {
            if (m.error) {
              nextBatch = pending.length;
              ko(new Error(m.error));
              thread.kill();
            } else {
              if (m.done) add(m.done);
              feed();
            }
          });
          thread.on("error", ko);
          thread.on("close", (code) =>
            code === 0 ? ok() : ko(new Error(`a loader process exited with code ${code}`)),
          );
        });
      await Promise.all(Array.from({ length: Math.min(CONNECTIONS, pending.length - nextBatch) }, runThread));
      bar.stop();
      bar = null;
      const loadMs = Date.now() - loadStart;

      const post: string[] = [];
      if (searchMode === "fill") post.push(...(await claimSearchCursor(admin, outboxMark)));
      {
        const builders = await Promise.all(
          Array.from({ length: CONNECTIONS }, async () => {
            const c = new pg.Client({ connectionString: database.url });
            await c.connect();
            return c;
          }),
        );
        try {
          const s = Date.now();
          const built = await buildDeferredIndexes(admin, builders);
          if (built.length > 0)
            post.push(`${built.length} indexes built in ${secs(Date.now() - s)}: ${built.join(", ")}`);
        } finally {
          await Promise.all(builders.map((c) => c.end().catch(() => {})));
        }
      }
      const noTerms = searchMode === "fill" && (await admin.query("SELECT 1 FROM search_terms LIMIT 1")).rowCount === 0;
      if (searchMode === "fill" && (counts.products > 0 || noTerms)) {
        let s = Date.now();
        await admin.query("SELECT rebuild_search_terms()");
        post.push(`search vocabulary rebuilt in ${secs(Date.now() - s)}`);
        s = Date.now();
        await admin.query("SELECT refresh_search_category_prices()");
        post.push(`category price medians in ${secs(Date.now() - s)}`);
      }
      const a0 = Date.now();
      if (bigLoad) {
        // Sets the visibility map and hint bits now, so index-only scans work and the first
        // reads (or autovacuum during a benchmark) do not rewrite every freshly loaded page.
        await admin.query(`VACUUM (ANALYZE) ${BULK_TABLES.map((t) => `"${t}"`).join(", ")}`);
        await admin.query("ANALYZE");
        post.push(`VACUUM (ANALYZE) in ${secs(Date.now() - a0)}`);
      } else {
        await admin.query("ANALYZE");
        post.push(`ANALYZE in ${secs(Date.now() - a0)}`);
      }

      const rows = rowsSoFar();
      if (pending.length === 0) say("nothing to load: every product of this seed is already there");
      else
        say(
          `loaded ${fmt(counts.products)} products in ${secs(loadMs)}: ${fmt(counts.products / (loadMs / 1000))} products/s, ${fmt(rows / (loadMs / 1000))} rows/s`,
        );
      say(
        `  rows: ${fmt(counts.products)} products, ${fmt(counts.attributes)} attributes, ${fmt(counts.images)} product images, ${fmt(counts.adjustments)} inventory adjustments, ${fmt(counts.search)} search documents`,
      );
      say(
        `  time (summed over connections): generate ${secs(time.generate)}, COPY ${secs(time.copy)}, search documents ${secs(time.search)}, commit ${secs(time.commit)}`,
      );
      if (counts.verified > 0)
        say(
          `  ${fmt(counts.verified)} search documents (1 in ${VERIFY_EVERY}) checked against search_document_vector: all identical`,
        );
      for (const line of post) say(`  ${line}`);
      if (searchMode === "skip" || searchMode === "meili")
        say(
          "  the search index does not have these products yet: run `npm run search:reindex` (the worker also builds it on its first start if it has no cursor)",
        );
      const [{ n }] = (await admin.query<{ n: string }>("SELECT count(*)::text AS n FROM products")).rows;
      say(
        `  the database now has ${fmt(Number(n))} products; shops sign in with seller-${SEED}-<n>@catalog.example / ${SELLER_PASSWORD}`,
      );
      say(`done in ${secs(Date.now() - t0)}`);
    } finally {
      await admin.end().catch(() => {});
    }
  } finally {
    await stopAll();
  }
}

if (process.env[LOADER_ENV] === "1") process.once("message", (init: LoaderInit) => void loaderThread(init));
else
  main().catch((err) => {
    console.error(`[seed:catalog] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  });
