// What the product page sends for a review: everything typed by buyers and sellers is text,
// so markup in a review arrives escaped and never as elements or attributes.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { PublicReview } from "@/lib/reviews/read/list-product-reviews";

import { ReviewCard } from "./review-card";

const review: PublicReview = {
  id: "3f0c2a9e-8b1d-4c56-9a7e-2b4f6d8c0e11",
  rating: 4,
  title: `"><img src=x onerror=alert(1)>`,
  body: `<script>alert("body")</script>\nSecond line & more`,
  authorName: `<b>Eve</b>`,
  verifiedPurchase: true,
  createdAt: new Date("2026-05-01T10:00:00Z"),
  edited: true,
  helpfulCount: 3,
  viewerVoted: false,
  viewerIsAuthor: false,
  images: [
    {
      id: "img-1",
      width: 1280,
      height: 960,
      thumbUrl: "/media/images/a/320.webp",
      url: "/media/images/a/1280.webp",
      srcSet: "/media/images/a/320.webp 320w, /media/images/a/1280.webp 1280w",
    },
  ],
  reply: {
    body: `<iframe src="javascript:alert(2)"></iframe>`,
    createdAt: new Date("2026-05-02T10:00:00Z"),
    edited: false,
  },
};

function render(props: Partial<Parameters<typeof ReviewCard>[0]> = {}): string {
  return renderToStaticMarkup(
    createElement(ReviewCard, { review, shopName: "Shop <One>", signInHref: null, canReply: false, ...props }),
  );
}

describe("ReviewCard", () => {
  it("renders the title, body, author, reply and shop name as escaped text", () => {
    const html = render();
    expect(html).not.toMatch(/<script|<iframe|<img src=x|<b>Eve/);
    expect(html).toContain("&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;iframe src=&quot;javascript:alert(2)&quot;&gt;&lt;/iframe&gt;");
    expect(html).toContain("Reply from Shop &lt;One&gt;");
    expect(html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
  });

  it("shows stars, verified purchase, edited, the photo with its variants, and the helpful count", () => {
    const html = render();
    expect(html).toContain('aria-label="Rated 4 out of 5"');
    expect(html).toContain("Verified purchase");
    expect(html).toContain(" · edited");
    expect(html).toContain('srcSet="/media/images/a/320.webp 320w, /media/images/a/1280.webp 1280w"');
    expect(html).toContain('href="/media/images/a/1280.webp"');
    expect(html).toContain("3 people found this helpful");
    expect(html).toContain('aria-pressed="false"');
    expect(html).toContain(">Report</summary>");
  });

  it("signed out: a sign-in link instead of the vote and report controls; the author sees neither", () => {
    const signedOut = render({ signInHref: "/sign-in?callbackUrl=%2Fproducts%2Fx" });
    expect(signedOut).toContain("Sign in to vote");
    expect(signedOut).not.toContain("aria-pressed");
    expect(signedOut).not.toContain(">Report<");
    const own = render({ review: { ...review, viewerIsAuthor: true } });
    expect(own).toContain("3 people found your review helpful.");
    expect(own).not.toContain("aria-pressed");
    expect(own).not.toContain(">Report<");
  });
});
