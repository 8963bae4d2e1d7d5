import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from "pdf-lib";
import { describe, expect, it } from "vitest";

import { printable, renderReturnLabel, type ReturnLabelContent } from "./render-return-label";

/** A page's drawing operators, inflated out of its content streams. */
function pageOperators(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  return streams.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString("latin1")).join("\n");
}

/** The text a page draws, read back out of its content stream (hex strings in Tj operators). */
function pageText(page: PDFPage): string {
  return [...pageOperators(page).matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)]
    .map((m) => Buffer.from(m[1], "hex").toString("latin1"))
    .join("\n");
}

const content: ReturnLabelContent = {
  returnId: "3f7c2a10-1111-4222-8333-444455556666",
  orderId: "9a8b7c6d-1111-4222-8333-444455556666",
  carrier: "SimPost",
  trackingNumber: "SIM1234567654321",
  issuedAt: new Date("2026-06-03T10:00:00Z"),
  from: { fullName: "Ivy Buyer", line1: "9 Elm Street", city: "Denver", postalCode: "80202", country: "US" },
  to: {
    fullName: "Sam Seller",
    line1: "1 Kiln Road",
    line2: "Unit 4",
    city: "Portland",
    region: "OR",
    postalCode: "97201",
    country: "US",
    attention: "Alder Ceramics returns",
  },
  items: [{ title: "Stoneware mug", quantity: 2 }],
  reason: "It arrived damaged or faulty",
};

describe("the return label PDF", () => {
  it("is one 4 × 6 inch page with the tracking number, both addresses and the items, readable back", async () => {
    const bytes = await renderReturnLabel(content);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    expect(pdf.getTitle()).toBe("Return label SIM1234567654321");
    expect(pdf.getKeywords()).toContain("SIM1234567654321");
    const text = pageText(pdf.getPage(0));
    expect(text).toContain("Tracking number: SIM1234567654321");
    expect(text).toContain("S I M 1 2 3 4 5 6 7 6 5 4 3 2 1");
    for (const line of [
      "Ivy Buyer",
      "9 Elm Street",
      "80202 Denver",
      "Alder Ceramics returns",
      "Sam Seller",
      "1 Kiln Road",
      "Unit 4",
      "97201 Portland, OR",
      "2 × Stoneware mug",
      "Reason: It arrived damaged or faulty",
    ])
      expect(text).toContain(line);
  });

  it("draws a barcode: many thin filled bars in the page", async () => {
    const pdf = await PDFDocument.load(await renderReturnLabel(content));
    // Code 39 of "*SIM1234567654321*": 18 characters × 5 bars, each a filled path, plus the header's.
    const fills = pageOperators(pdf.getPage(0)).match(/^f$/gm) ?? [];
    expect(fills.length).toBe(18 * 5 + 1);
  });

  it("prints characters the label fonts can't show as ?, rather than failing", async () => {
    expect(printable("Zoë’s “mug” – 北京")).toBe("Zoë’s “mug” – ??");
    const bytes = await renderReturnLabel({ ...content, from: { ...content.from, fullName: "李 Ivy" } });
    expect(pageText((await PDFDocument.load(bytes)).getPage(0))).toContain("? Ivy");
  });
});
