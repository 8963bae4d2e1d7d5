import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { ProductReviewPage, PublicReview } from "@/lib/reviews/read/list-product-reviews";

import { ProductReviews } from "./product-reviews";

const row = (i: number): PublicReview => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  rating: 5,
  title: `Review ${i}`,
  body: "",
  authorName: "Ada L.",
  verifiedPurchase: true,
  createdAt: new Date("2026-05-01T10:00:00Z"),
  edited: false,
  helpfulCount: 0,
  viewerVoted: false,
  viewerIsAuthor: false,
  images: [],
  reply: null,
});

function render(page: Partial<ProductReviewPage>, signedIn = true): string {
  const reviews: ProductReviewPage = {
    rows: [row(1), row(2)],
    total: 25,
    page: 2,
    pageSize: 10,
    sort: "helpful",
    stars: 5,
    ...page,
  };
  return renderToStaticMarkup(
    createElement(ProductReviews, {
      path: "/products/p1",
      reviews,
      histogram: [1, 0, 2, 3, 25],
      shopName: "Shop",
      viewer: { signedIn, canReply: false },
    }),
  ).replaceAll("&amp;", "&");
}

describe("ProductReviews", () => {
  it("star filters keep the sort, sorts keep the star filter, and both start again at page 1", () => {
    const html = render({});
    expect(html).toContain('href="/products/p1?sort=helpful&stars=4#reviews"');
    expect(html).toContain('href="/products/p1?sort=helpful#reviews"');
    expect(html).toContain('href="/products/p1?sort=lowest&stars=5#reviews"');
    expect(html).toContain('href="/products/p1?stars=5#reviews"');
    expect(html).toMatch(/aria-current="page"[^>]*>5 star \(25\)/);
    expect(html).toMatch(/aria-current="page"[^>]*>Most helpful/);
  });

  it("pages with previous and next links that keep sort and filter", () => {
    const html = render({});
    expect(html).toContain("Page 2 of 3");
    expect(html).toMatch(/<a [^>]*rel="prev" href="\/products\/p1\?sort=helpful&stars=5#reviews">Previous page/);
    expect(html).toMatch(/<a [^>]*rel="next" href="\/products\/p1\?sort=helpful&stars=5&page=3#reviews">Next page/);
  });

  it("says so when there are no reviews, or none with the chosen stars", () => {
    expect(render({ rows: [], total: 0, stars: null })).toContain("No one has reviewed this product yet.");
    expect(render({ rows: [], total: 0, stars: 2 })).toContain("No 2-star reviews.");
  });

  it("signed out, the sign-in link returns to the reviews", () => {
    expect(render({}, false)).toContain('href="/sign-in?callbackUrl=%2Fproducts%2Fp1%23reviews"');
  });
});
