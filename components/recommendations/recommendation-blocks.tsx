"use client";

import { useEffect, useRef, useState } from "react";

import { ProductCard } from "@/components/catalog/product-card";
import type { ProductSummary } from "@/lib/catalog/product-summary";

import { noteRecentlyViewed, readRecentlyViewed } from "./recently-viewed-store";

type Block = { kind: string; title: string; placement: string; products: ProductSummary[] };

type ApiProduct = {
  product_id: string;
  title: string;
  price: { amount_cents: number; currency: string };
  rating_avg: number;
  review_count: number;
  inventory_count: number;
  shop_name: string;
  image: ProductSummary["image"];
};

const toSummary = (p: ApiProduct): ProductSummary => ({
  id: p.product_id,
  title: p.title,
  priceCents: p.price.amount_cents,
  currency: p.price.currency,
  ratingAvg: p.rating_avg,
  reviewCount: p.review_count,
  inventoryCount: p.inventory_count,
  shopName: p.shop_name,
  image: p.image,
});

function beacon(body: { event: "impression" | "click"; placement: string; product_ids: string[] }) {
  if (typeof navigator.sendBeacon !== "function") return;
  navigator.sendBeacon(
    "/api/v1/recommendations/events",
    new Blob([JSON.stringify(body)], { type: "application/json" }),
  );
}

/**
 * The recommendation blocks of a page ("Customers also bought", "Similar items", "Recently
 * viewed", "Picked for you"), fetched in the browser after the page has shown: the product page
 * may come from the page cache, and the blocks must add no work to its render. On a product page
 * (`viewed`) the listing is also noted as recently viewed in this browser.
 */
export function RecommendationBlocks({
  page,
  productIds = [],
  viewed,
}: {
  page: "product" | "cart" | "order" | "home";
  productIds?: string[];
  viewed?: string;
}) {
  const [blocks, setBlocks] = useState<Block[]>([]);
  const about = productIds.join(",");
  useEffect(() => {
    const recent = readRecentlyViewed().filter((id) => id !== viewed);
    if (viewed) noteRecentlyViewed(viewed);
    const params = new URLSearchParams({ page });
    if (about) params.set("product_ids", about);
    if (recent.length) params.set("recent", recent.join(","));
    const ctrl = new AbortController();
    fetch(`/api/v1/recommendations?${params}`, { signal: ctrl.signal, credentials: "same-origin" })
      .then((r) =>
        r.ok ? (r.json() as Promise<{ blocks: (Omit<Block, "products"> & { products: ApiProduct[] })[] }>) : null,
      )
      .then((b) => {
        if (b) setBlocks(b.blocks.map((x) => ({ ...x, products: x.products.map(toSummary) })));
      })
      .catch(() => {});
    return () => ctrl.abort();
  }, [page, about, viewed]);
  if (blocks.length === 0) return null;
  return (
    <div className="mt-10 space-y-8" data-recommendations={page}>
      {blocks.map((b) => (
        <RecommendationBlock key={b.placement} block={b} />
      ))}
    </div>
  );
}

function RecommendationBlock({ block }: { block: Block }) {
  const ref = useRef<HTMLElement>(null);
  const id = `rec-${block.placement.replace(":", "-")}`;
  const ids = block.products.map((p) => p.id).join(",");
  // An impression once the block is at least half in view, once per block shown.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const seen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        beacon({ event: "impression", placement: block.placement, product_ids: ids.split(",") });
        seen.disconnect();
      },
      { threshold: 0.5 },
    );
    seen.observe(el);
    return () => seen.disconnect();
  }, [block.placement, ids]);
  return (
    <section
      ref={ref}
      aria-labelledby={id}
      onClickCapture={(e) => {
        const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[href^="/products/"]');
        const productId = link?.getAttribute("href")?.split("/")[2];
        if (productId) beacon({ event: "click", placement: block.placement, product_ids: [productId] });
      }}
    >
      <h2 id={id} className="mb-3 text-lg font-bold">
        {block.title}
      </h2>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {block.products.map((p) => (
          <ProductCard key={p.id} product={p} />
        ))}
      </div>
    </section>
  );
}
