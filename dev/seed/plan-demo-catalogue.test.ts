import { base, en, Faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";

import { DEMO_CATEGORIES } from "./demo-categories";
import { planDemoCatalogue, type DemoSeller } from "./plan-demo-catalogue";

const NOW = new Date("2026-11-24T12:00:00Z");
const SELLERS: DemoSeller[] = [
  { profileId: "p1", userId: "u1", categories: ["electronics", "home-kitchen", "garden", "books"] },
  { profileId: "p2", userId: "u2", categories: ["fashion", "sports-outdoors", "toys-games", "beauty"] },
];

function plan(products: number) {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(42);
  return planDemoCatalogue({ faker, products, now: NOW, sellers: SELLERS });
}

describe("planDemoCatalogue", () => {
  it("is the same catalogue every time", () => {
    const a = plan(50);
    const b = plan(50);
    expect(a.products.map((p) => [p.id, p.title, p.priceCents, p.inventoryCount])).toEqual(
      b.products.map((p) => [p.id, p.title, p.priceCents, p.inventoryCount]),
    );
    expect(a.images.map((i) => i.uploadId)).toEqual(b.images.map((i) => i.uploadId));
  });

  it("puts products in every leaf, each sold by a shop that covers its category", () => {
    const leafCount = DEMO_CATEGORIES.reduce((n, top) => n + top.children.length, 0);
    const { products } = plan(leafCount);
    expect(new Set(products.map((p) => p.leaf.slug)).size).toBe(leafCount);
    for (const p of products) {
      const seller = SELLERS.find((s) => s.profileId === p.sellerId)!;
      expect(seller.categories).toContain(p.leaf.top.slug);
      expect(p.sellerUserId).toBe(seller.userId);
    }
  });

  it("prices, stocks and dates products plausibly", () => {
    const { products } = plan(300);
    const sixtyDaysAgo = NOW.getTime() - 60 * 24 * 3600_000;
    for (const p of products) {
      expect(Number.isInteger(p.priceCents) && p.priceCents > 0).toBe(true);
      expect(p.inventoryCount).toBeGreaterThanOrEqual(0);
      expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(sixtyDaysAgo);
      expect(p.publishedAt.getTime()).toBeGreaterThanOrEqual(p.createdAt.getTime());
      expect(p.publishedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(p.title.trim().length).toBeGreaterThan(0);
      expect(Object.keys(p.attributes).length).toBeGreaterThanOrEqual(2);
    }
    expect(products.some((p) => p.inventoryCount === 0)).toBe(true);
    expect(products.some((p) => p.inventoryCount > 0 && p.inventoryCount <= 5)).toBe(true);
    const featured = products.filter((p) => p.featured);
    expect(featured).toHaveLength(12);
    expect(featured.every((p) => p.inventoryCount > 0)).toBe(true);
  });

  it("gives each product one to three different images from its own leaf's pool", () => {
    const { products, images } = plan(120);
    for (const p of products) {
      expect(p.images.length).toBeGreaterThanOrEqual(1);
      expect(p.images.length).toBeLessThanOrEqual(3);
      expect(new Set(p.images.map((i) => i.uploadId)).size).toBe(p.images.length);
      expect(p.images.every((i) => i.leaf.slug === p.leaf.slug)).toBe(true);
    }
    expect(new Set(images.map((i) => i.uploadId)).size).toBe(images.length);
    expect(new Set(images.map((i) => i.originalKey)).size).toBe(images.length);
  });
});
