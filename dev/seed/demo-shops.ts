// The demo marketplace's shops. The first belongs to the demo seller login; each shop lists
// products only in its own top-level categories.
export type DemoShop = {
  /** The shop owner's account; null for the demo seller, whose account is in DEMO_LOGINS. */
  owner: { email: string; name: string } | null;
  shopName: string;
  slug: string;
  description: string;
  categories: readonly string[];
};

export const DEMO_SHOPS: readonly DemoShop[] = [
  {
    owner: null,
    shopName: "Northwind Goods",
    slug: "northwind-goods",
    description: "Everyday electronics, kitchen kit and garden gear, tested by a small team in Portland.",
    categories: ["electronics", "home-kitchen", "garden"],
  },
  {
    owner: { email: "pages@demo.market", name: "Priya Patel" },
    shopName: "Paper Lantern Books & Games",
    slug: "paper-lantern",
    description: "An independent bookshop with a back room full of board games and puzzles.",
    categories: ["books", "toys-games"],
  },
  {
    owner: { email: "trailhead@demo.market", name: "Tomás Rivera" },
    shopName: "Trailhead Outfitters",
    slug: "trailhead-outfitters",
    description: "Outdoor, cycling and training gear, plus clothes that can keep up.",
    categories: ["sports-outdoors", "fashion", "electronics"],
  },
  {
    owner: { email: "bloom@demo.market", name: "Mei Chen" },
    shopName: "Bloom & Glow",
    slug: "bloom-and-glow",
    description: "Clean beauty, fragrance and a few favourite things for home and garden.",
    categories: ["beauty", "fashion", "garden", "home-kitchen"],
  },
];
