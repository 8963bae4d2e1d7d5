import { describe, expect, it } from "vitest";

import { renderEmail } from "@/lib/mail/render-email";

import { listingApprovedEmail, listingRejectedEmail, reviewReceivedEmail } from "./seller-emails";

const appUrl = "https://shop.example";

describe("seller emails", () => {
  it("say what happened to the listing, why, and where to act", () => {
    const p = { id: "p1", title: "Walnut bowl" };
    expect(listingApprovedEmail(p, appUrl)).toMatchObject({
      subject: "Your listing is live: Walnut bowl",
      body: expect.stringContaining("See it as buyers do: https://shop.example/products/p1"),
    });
    const rejected = listingRejectedEmail(p, "Photos show a different item.", appUrl);
    expect(rejected.body).toContain("Why: Photos show a different item.");
    expect(rejected.body).toContain("submit it again: https://shop.example/seller/products/p1");
  });

  it("quote the review, escaped in the HTML part", async () => {
    const email = reviewReceivedEmail(
      { rating: 1, title: "<i>Bad</i>", body: "Broke & <script>x</script>", productId: "p1", productTitle: "Bowl" },
      appUrl,
    );
    expect(email.subject).toBe("New 1 star review of Bowl");
    const { html, text } = await renderEmail({ ...email, appUrl, footer: { reason: "r", unsubscribeUrl: null } });
    expect(text).toContain('"<i>Bad</i>"\nBroke & <script>x</script>');
    expect(html).toContain("&quot;&lt;i&gt;Bad&lt;/i&gt;&quot;<br />Broke &amp; &lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain('href="https://shop.example/products/p1#reviews"');
  });
});
