import { describe, expect, it } from "vitest";

import { emailBlocks, renderEmail } from "./render-email";

const appUrl = "https://shop.example";

function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ");
}

describe("renderEmail in the recipient's language", () => {
  it("writes the footer in German and marks the document lang=de", async () => {
    const { html, text } = await renderEmail({
      subject: "Auszahlung",
      body: "Hallo Ana,\n\nIhre Auszahlungen: https://shop.example/seller/payments\n",
      appUrl,
      footer: {
        reason: "es um die Auszahlungen Ihres Shops geht",
        unsubscribeUrl: `${appUrl}/api/v1/unsubscribe?token=x`,
      },
      locale: "de",
    });
    expect(text).toContain("Sie erhalten diese E-Mail von Marketplace, weil es um die Auszahlungen Ihres Shops geht.");
    expect(text).toContain("Benachrichtigungseinstellungen: https://shop.example/account/notifications");
    expect(text).toContain("Diese E-Mails abbestellen: https://shop.example/api/v1/unsubscribe?token=x");
    expect(html).toMatch(/^<!doctype html>\s*<html lang="de"/i);
    expect(textOf(html)).toContain("Benachrichtigungseinstellungen");
    expect(textOf(html)).not.toContain("Notification settings");
  });
});

describe("renderEmail", () => {
  const body =
    "Hi Ada,\n\nThanks for your order from Tea & Co (order 1a2b3c4d):\n  2 × Green tea\n  1 × Teapot\n\nTotal paid: $42.00.\n\nFollow your order: https://shop.example/orders/1a2b\nSee your balance: https://shop.example/seller/payments\n";

  it("puts the template's words, list and links in the HTML, and the same words in the text part", async () => {
    const { html, text } = await renderEmail({
      subject: "Order confirmed",
      body,
      appUrl,
      footer: { reason: "it is about an order you placed or sold" },
    });
    expect(text.startsWith(body.trimEnd())).toBe(true);
    expect(text).toContain("because it is about an order you placed or sold.");
    expect(text).toContain("Notification settings: https://shop.example/account/notifications");
    expect(text).not.toContain("Unsubscribe");
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en"/i);
    expect(html).toContain("<title>Order confirmed</title>");
    expect(html).toContain("<li>2 × Green tea</li>");
    expect(html).toContain("Tea &amp; Co (order 1a2b3c4d)");
    // The first link is the button (label as its text), the next an ordinary link.
    expect(html).toMatch(
      /<a\s+href="https:\/\/shop\.example\/orders\/1a2b"[^>]*>[\s\S]*?Follow your order[\s\S]*?<\/a>/,
    );
    expect(html).toContain('See your balance: <a href="https://shop.example/seller/payments"');
    expect(html).toContain('href="https://shop.example/account/notifications"');
    // Every sentence of the text part is in the HTML too.
    for (const sentence of ["Hi Ada,", "Total paid: $42.00.", "Notification settings"])
      expect(textOf(html)).toContain(sentence);
  });

  it("escapes user content and links only into the app", async () => {
    const evil = `<script>alert(1)</script> <img src=x onerror=alert(2)> "quoted" & 'single'\nPay me here: https://evil.example/pay\nhttps://shop.example/products/1"><b>x</b>`;
    const { html, text } = await renderEmail({
      subject: "New message from <b>Mallory</b>",
      body: `Mallory wrote:\n\n${evil}\n`,
      appUrl,
      footer: { reason: "someone wrote to you", unsubscribeUrl: "https://shop.example/api/v1/unsubscribe?token=a.b" },
    });
    expect(text).toContain(evil);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>x</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;quoted&quot; &amp; &#39;single&#39;");
    expect(html).toContain("<title>New message from &lt;b&gt;Mallory&lt;/b&gt;</title>");
    // A link out of the app stays text: an email must not turn a stranger's URL into a button.
    expect(html).not.toContain('href="https://evil.example');
    expect(html).toContain("https://evil.example/pay");
    expect(html).toContain('href="https://shop.example/products/1"');
    expect(html).toContain('href="https://shop.example/api/v1/unsubscribe?token=a.b"');
    expect(text).toContain("Unsubscribe from these emails: https://shop.example/api/v1/unsubscribe?token=a.b");
  });
});

describe("emailBlocks", () => {
  it("reads paragraphs, lists and app links from the text's shape", () => {
    expect(
      emailBlocks(
        "Hello,\nsecond line\n\n  1 × A\n  2 × B\nafter\n\nReply: https://shop.example/messages/1\nElsewhere: https://other.example/x",
        appUrl,
      ),
    ).toEqual([
      { kind: "paragraph", lines: ["Hello,", "second line"] },
      { kind: "list", items: ["1 × A", "2 × B"] },
      { kind: "paragraph", lines: ["after"] },
      { kind: "action", label: "Reply", url: "https://shop.example/messages/1" },
      { kind: "paragraph", lines: ["Elsewhere: https://other.example/x"] },
    ]);
  });
});
