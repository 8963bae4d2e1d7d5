// Decides every demo product (title, price, stock, attributes, images) before anything is
// written, from a seeded faker, so the catalogue is the same on every install.
//
// Images come from a small pool per leaf category rather than one per product image: a
// few dozen renders instead of hundreds keeps the seed within seconds. Each pool image
// becomes one Upload, owned by the first product image that uses it.
import type { Faker } from "@faker-js/faker";

import { DEMO_CATEGORIES, type DemoLeafCategory, type DemoTopCategory } from "./demo-categories";

export type DemoLeaf = DemoLeafCategory & { top: DemoTopCategory; position: number };

export type PlannedImage = {
  uploadId: string;
  originalKey: string;
  leaf: DemoLeaf;
  /** Which of the leaf's pool images this is; picks the shape and hue shift. */
  variant: number;
  ownerUserId: string;
};

export type PlannedProduct = {
  id: string;
  sellerId: string;
  sellerUserId: string;
  leaf: DemoLeaf;
  title: string;
  description: string;
  priceCents: number;
  inventoryCount: number;
  featured: boolean;
  publishedAt: Date;
  createdAt: Date;
  attributes: Record<string, string>;
  images: PlannedImage[];
};

export type DemoSeller = { profileId: string; userId: string; categories: readonly string[] };

const IMAGES_PER_LEAF = 3;
const FEATURED_PRODUCTS = 12;
const HISTORY_MINUTES = 60 * 24 * 60;
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
];
const SELLING_POINTS = [
  "Ships within two business days in recyclable packaging.",
  "Covered by a 30-day no-questions return policy.",
  "One of our most-reviewed picks this season.",
  "Backed by a one-year manufacturer warranty.",
  "Checked by hand before it leaves the shop.",
  "Thoughtfully made, and priced fairly.",
];

function describeProduct(
  f: Faker,
  opts: { leaf: DemoLeaf; title: string; attributes: Record<string, string> },
): string {
  const specs = Object.entries(opts.attributes)
    .map(([key, value]) => `${key[0].toUpperCase()}${key.slice(1)}: ${value}`)
    .join(" · ");
  const lead = opts.attributes.author
    ? `${opts.title} by ${opts.attributes.author}. ${opts.leaf.blurb}`
    : `${opts.title}. ${opts.leaf.blurb}`;
  return [lead, f.helpers.arrayElements(SELLING_POINTS, 2).join(" "), specs].join("\n\n");
}

function priceCents(f: Faker, [min, max]: readonly [number, number]): number {
  // Whole dollars minus a cent, the way shops price things.
  return Math.max(99, Math.round(f.number.int({ min, max }) / 100) * 100 - 1);
}

function inventoryCount(f: Faker): number {
  const roll = f.number.float({ min: 0, max: 1 });
  if (roll < 0.08) return 0;
  if (roll < 0.23) return f.number.int({ min: 1, max: 5 });
  return f.number.int({ min: 6, max: 250 });
}

export function planDemoCatalogue(opts: {
  faker: Faker;
  products: number;
  now: Date;
  sellers: readonly DemoSeller[];
}): {
  products: PlannedProduct[];
  images: PlannedImage[];
} {
  const f = opts.faker;
  const leaves = DEMO_CATEGORIES.flatMap((top) =>
    top.children.map((leaf, position): DemoLeaf => ({ ...leaf, top, position })),
  );
  const pool = new Map<string, PlannedImage>();
  const productsInLeaf = new Map<string, number>();
  const products: PlannedProduct[] = [];

  for (let i = 0; i < opts.products; i++) {
    // Round-robin over leaves, so even a small seed fills every category.
    const leaf = leaves[i % leaves.length];
    const seller = f.helpers.arrayElement(opts.sellers.filter((s) => s.categories.includes(leaf.top.slug)));
    const attributes: Record<string, string> = {};
    let title: string;
    if (leaf.brands.length === 0) {
      title = f.book.title();
      attributes.author = f.book.author();
    } else {
      const brand = f.helpers.arrayElement(leaf.brands);
      title = `${brand} ${f.helpers.arrayElement(TITLE_MODIFIERS)} ${f.helpers.arrayElement(leaf.nouns)}`;
      attributes.brand = brand;
    }
    for (const [key, values] of Object.entries(leaf.attributes)) attributes[key] = f.helpers.arrayElement(values);

    const createdAt = new Date(opts.now.getTime() - f.number.int({ min: 0, max: HISTORY_MINUTES }) * 60_000);
    const publishedAt = new Date(
      Math.min(opts.now.getTime(), createdAt.getTime() + f.number.int({ min: 1, max: 120 }) * 60_000),
    );
    const id = f.string.uuid();

    // Products in a leaf start at successive pool images, so neighbours in a listing differ.
    const ordinal = productsInLeaf.get(leaf.slug) ?? 0;
    productsInLeaf.set(leaf.slug, ordinal + 1);
    const images = Array.from({ length: f.number.int({ min: 1, max: IMAGES_PER_LEAF }) }, (_, position) => {
      const variant = (ordinal + position) % IMAGES_PER_LEAF;
      const poolKey = `${leaf.slug}:${variant}`;
      let image = pool.get(poolKey);
      if (!image) {
        const uploadId = f.string.uuid();
        image = { uploadId, originalKey: `originals/${uploadId}.jpg`, leaf, variant, ownerUserId: seller.userId };
        pool.set(poolKey, image);
      }
      return image;
    });

    products.push({
      id,
      sellerId: seller.profileId,
      sellerUserId: seller.userId,
      leaf,
      title,
      description: describeProduct(f, { leaf, title, attributes }),
      priceCents: priceCents(f, leaf.priceCents),
      inventoryCount: inventoryCount(f),
      featured: false,
      publishedAt,
      createdAt,
      attributes,
      images,
    });
  }

  const inStock = products.filter((p) => p.inventoryCount > 0);
  for (const p of f.helpers.arrayElements(inStock, Math.min(FEATURED_PRODUCTS, inStock.length))) p.featured = true;

  return { products, images: [...pool.values()] };
}
