import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

import { code39Bars } from "./code39";
import type { StoredAddress } from "./return-address";

export type ReturnLabelContent = {
  returnId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  issuedAt: Date;
  from: StoredAddress;
  to: StoredAddress & { attention: string };
  items: { title: string; quantity: number }[];
  reason: string;
};

// A 4 × 6 inch shipping label, the size label printers and carriers expect.
const WIDTH = 288;
const HEIGHT = 432;
const MARGIN = 16;
const INK = rgb(0, 0, 0);

// The standard PDF fonts only carry WinAnsi (Latin-1 and a few more); anything else prints as "?".
const WIN_ANSI_EXTRA = new Set([..."€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"]);
export function printable(text: string): string {
  return [...text.normalize("NFC")]
    .map((c) => (/[\x20-\x7e\xa0-\xff]/.test(c) || WIN_ANSI_EXTRA.has(c) ? c : c === "\n" ? " " : "?"))
    .join("");
}

function addressLines(a: StoredAddress, first: string): string[] {
  return [first, a.line1, a.line2 ?? "", `${a.postalCode} ${a.city}${a.region ? `, ${a.region}` : ""}`, a.country]
    .filter(Boolean)
    .map(printable);
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
}

function block(
  page: PDFPage,
  opts: { title: string; lines: string[]; top: number; font: PDFFont; bold: PDFFont; size: number },
): number {
  let y = opts.top;
  page.drawText(opts.title, { x: MARGIN, y, size: 7, font: opts.bold, color: INK });
  y -= opts.size + 4;
  opts.lines.forEach((line, i) => {
    page.drawText(fit(line, i === 0 ? opts.bold : opts.font, opts.size, WIDTH - 2 * MARGIN), {
      x: MARGIN,
      y,
      size: opts.size,
      font: i === 0 ? opts.bold : opts.font,
      color: INK,
    });
    y -= opts.size + 3;
  });
  return y;
}

/**
 * The printable return label: sender (the buyer) and recipient (the seller's return address),
 * the carrier and tracking number, a Code 39 barcode of it, and what is inside. The document's
 * title and keywords carry the tracking number too.
 */
export async function renderReturnLabel(c: ReturnLabelContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Return label ${c.trackingNumber}`);
  pdf.setSubject(`Return ${c.returnId} for order ${c.orderId}`);
  pdf.setKeywords([c.trackingNumber, "return label"]);
  pdf.setAuthor("Marketplace");
  pdf.setCreator("Marketplace returns");
  pdf.setProducer("Marketplace");
  pdf.setCreationDate(c.issuedAt);
  pdf.setModificationDate(c.issuedAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const page = pdf.addPage([WIDTH, HEIGHT]);

  // Header: what this is and who carries it.
  page.drawRectangle({ x: 0, y: HEIGHT - 44, width: WIDTH, height: 44, color: INK });
  page.drawText("RETURN", { x: MARGIN, y: HEIGHT - 32, size: 22, font: bold, color: rgb(1, 1, 1) });
  const carrier = printable(`${c.carrier} · Prepaid`);
  page.drawText(carrier, {
    x: WIDTH - MARGIN - font.widthOfTextAtSize(carrier, 9),
    y: HEIGHT - 27,
    size: 9,
    font,
    color: rgb(1, 1, 1),
  });

  let y = block(page, {
    title: "FROM",
    lines: addressLines(c.from, c.from.fullName),
    top: HEIGHT - 60,
    font,
    bold,
    size: 8,
  });
  page.drawLine({ start: { x: MARGIN, y: y + 2 }, end: { x: WIDTH - MARGIN, y: y + 2 }, thickness: 0.5, color: INK });
  y = block(page, {
    title: "SHIP TO",
    lines: [printable(c.to.attention), ...addressLines(c.to, c.to.fullName)],
    top: y - 12,
    font,
    bold,
    size: 12,
  });

  // The barcode, scaled to the label's width, with the number under it.
  const { bars, width } = code39Bars(c.trackingNumber);
  const unit = Math.min(1.6, (WIDTH - 2 * MARGIN) / width);
  const barTop = y - 8;
  const barHeight = 64;
  const left = (WIDTH - width * unit) / 2;
  for (const [x, w] of bars)
    page.drawRectangle({ x: left + x * unit, y: barTop - barHeight, width: w * unit, height: barHeight, color: INK });
  const spaced = printable(c.trackingNumber.split("").join(" "));
  page.drawText(spaced, {
    x: (WIDTH - mono.widthOfTextAtSize(spaced, 10)) / 2,
    y: barTop - barHeight - 13,
    size: 10,
    font: mono,
    color: INK,
  });
  y = barTop - barHeight - 32;
  page.drawText(`Tracking number: ${printable(c.trackingNumber)}`, { x: MARGIN, y, size: 9, font: bold, color: INK });

  // What is inside and why, for whoever opens the parcel.
  y -= 16;
  page.drawLine({ start: { x: MARGIN, y: y + 8 }, end: { x: WIDTH - MARGIN, y: y + 8 }, thickness: 0.5, color: INK });
  page.drawText(
    `Order ${c.orderId.slice(0, 8)} · Return ${c.returnId.slice(0, 8)} · ${c.issuedAt.toISOString().slice(0, 10)}`,
    { x: MARGIN, y, size: 7, font, color: INK },
  );
  y -= 11;
  page.drawText(fit(printable(`Reason: ${c.reason}`), font, 7, WIDTH - 2 * MARGIN), {
    x: MARGIN,
    y,
    size: 7,
    font,
    color: INK,
  });
  for (const item of c.items.slice(0, 6)) {
    y -= 10;
    page.drawText(fit(printable(`${item.quantity} × ${item.title}`), font, 7, WIDTH - 2 * MARGIN), {
      x: MARGIN,
      y,
      size: 7,
      font,
      color: INK,
    });
  }
  if (c.items.length > 6)
    page.drawText(`…and ${c.items.length - 6} more`, { x: MARGIN, y: y - 10, size: 7, font, color: INK });

  return pdf.save();
}
