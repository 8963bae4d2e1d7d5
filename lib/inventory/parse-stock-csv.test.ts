import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_STOCK_CSV_ROWS, parseStockCsv } from "./parse-stock-csv";

const A = "0b6f5a1e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
const B = "1b6f5a1e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
const C = "2b6f5a1e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";

function fails(csv: string, message: RegExp) {
  expect(() => parseStockCsv(csv)).toThrow(message);
}

describe("parseStockCsv", () => {
  it("reads the export's format, ignoring the title and status columns", () => {
    const csv = `product_id,title,inventory_count,low_stock_threshold,status\n${A},Blue mug,12,3,active\n${B},Red mug,0,5,draft\n`;
    expect(parseStockCsv(csv)).toEqual({
      rows: [
        { row: 2, productId: A, count: 12, lowStockThreshold: 3 },
        { row: 3, productId: B, count: 0, lowStockThreshold: 5 },
      ],
      errors: [],
    });
  });

  it("handles quoted fields with embedded commas, doubled quotes and line breaks", () => {
    const csv = `product_id,title,inventory_count,note\n${A},"Mug, large ""XL""\nsecond line",7,"restocked, ""box 4"""\n${B},Plain,8,\n`;
    const { rows, errors } = parseStockCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, productId: A, count: 7, note: 'restocked, "box 4"' },
      { row: 3, productId: B, count: 8 },
    ]);
  });

  it("accepts CRLF, a lone CR, a UTF-8 byte-order mark, no final newline and header case or spacing", () => {
    const csv = `\uFEFF Product_ID ,INVENTORY_COUNT\r\n${A},1\r${B},2\r\n${C},3`;
    expect(parseStockCsv(csv).rows.map((r) => [r.row, r.productId, r.count])).toEqual([
      [2, A, 1],
      [3, B, 2],
      [4, C, 3],
    ]);
  });

  it("ignores blank lines (including all-empty rows) but keeps spreadsheet row numbers", () => {
    const csv = `\nproduct_id,inventory_count\n\n${A},1\n,\n  \n${B},x\n`;
    const { rows, errors } = parseStockCsv(csv);
    expect(rows).toEqual([{ row: 4, productId: A, count: 1 }]);
    expect(errors).toEqual([
      { row: 7, message: 'row 7: inventory_count "x" must be a whole number from 0 to 1,000,000' },
    ]);
  });

  it("normalises product ids to lower case and trims values", () => {
    expect(parseStockCsv(`product_id,inventory_count\n ${A.toUpperCase()} , 5 \n`).rows).toEqual([
      { row: 2, productId: A, count: 5 },
    ]);
  });

  it("reports every bad row with a clear message", () => {
    const csv = [
      "product_id,inventory_count,low_stock_threshold,note",
      `${A},-1,,`,
      `${B},2.5,,`,
      `${C},1000001,,`,
      `not-an-id,1,,`,
      `,1,,`,
      `${A.replace("0b", "3b")},,,`,
      `${A.replace("0b", "4b")},5,-2,`,
      `${A.replace("0b", "5b")},5,,${"n".repeat(501)}`,
      `${A.replace("0b", "6b")},5,,"a,b",extra`,
      `${A.replace("0b", "7b")},1000000,100000,ok`,
    ].join("\n");
    const { rows, errors } = parseStockCsv(csv);
    expect(rows).toEqual([
      { row: 11, productId: A.replace("0b", "7b"), count: 1_000_000, lowStockThreshold: 100_000, note: "ok" },
    ]);
    expect(errors).toEqual([
      { row: 2, message: 'row 2: inventory_count "-1" must be a whole number from 0 to 1,000,000' },
      { row: 3, message: 'row 3: inventory_count "2.5" must be a whole number from 0 to 1,000,000' },
      { row: 4, message: 'row 4: inventory_count "1000001" must be a whole number from 0 to 1,000,000' },
      { row: 5, message: 'row 5: product not found in your shop ("not-an-id" is not a product id)' },
      { row: 6, message: "row 6: product_id is empty" },
      { row: 7, message: "row 7: inventory_count is empty; enter a whole number from 0 to 1,000,000" },
      { row: 8, message: 'row 8: low_stock_threshold "-2" must be a whole number from 0 to 100,000' },
      { row: 9, message: "row 9: note is 501 characters long; at most 500 are allowed" },
      {
        row: 10,
        message: "row 10: has 5 columns but the header has 4; put values that contain commas in double quotes",
      },
    ]);
  });

  it("reports a product listed twice against the later row", () => {
    const { rows, errors } = parseStockCsv(`product_id,inventory_count\n${A},1\n${B},2\n${A.toUpperCase()},3\n`);
    expect(rows.map((r) => r.productId)).toEqual([A, B]);
    expect(errors).toEqual([
      { row: 4, message: `row 4: product ${A} appears more than once in the file (first on row 2)` },
    ]);
  });

  it("requires a header row", () => {
    fails(`${A},5\n${B},6\n`, /first row must be a header/);
    fails("sku,qty\nx,1\n", /first row must be a header/);
    fails("", /file is empty/);
    fails("\n\r\n", /file is empty/);
  });

  it("requires the product_id and inventory_count columns, each once", () => {
    fails(`product_id,title\n${A},Mug\n`, /missing the column inventory_count/);
    fails("title,inventory_count\nMug,1\n", /missing the column product_id/);
    fails(`product_id,inventory_count,inventory_count\n${A},1,2\n`, /names the column inventory_count more than once/);
  });

  it("accepts a header with no rows as nothing to do", () => {
    expect(parseStockCsv("product_id,inventory_count\r\n")).toEqual({ rows: [], errors: [] });
  });

  it("refuses more than 5,000 product rows, not counting blank lines", () => {
    const line = `${A},1\n`;
    expect(parseStockCsv(`product_id,inventory_count\n${"\n".repeat(10)}${line}`).errors).toEqual([]);
    fails(`product_id,inventory_count\n${line.repeat(MAX_STOCK_CSV_ROWS + 1)}`, /5,001 product rows; at most 5,000/);
    expect(() => parseStockCsv(`product_id,inventory_count\n${line.repeat(MAX_STOCK_CSV_ROWS)}`)).not.toThrow();
  });

  it("refuses a file over 1 MB", () => {
    fails(`product_id,inventory_count,note\n${"x".repeat(1024 * 1024)}`, /larger than 1 MB/);
  });

  it("refuses an unclosed quote, naming its row", () => {
    fails(`product_id,title,inventory_count\n${A},"Mug,1\n${B},Cup,2\n`, /row 2: a quoted value is never closed/);
  });

  it("keeps a stray quote inside an unquoted value as text", () => {
    const { rows } = parseStockCsv(`product_id,title,inventory_count,note\n${A},12" ruler,4,say "hi"\n`);
    expect(rows).toEqual([{ row: 2, productId: A, count: 4, note: 'say "hi"' }]);
  });

  it("reads back any note written with RFC 4180 quoting", () => {
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    const cell = fc.string({
      unit: fc.constantFrom("a", "Z", " ", ",", '"', "\r", "\n", "\r\n", "é", "="),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), fc.constantFrom("\n", "\r\n"), (notes, eol) => {
        const ids = notes.map((_, i) => `${String(i).padStart(8, "0")}-1c2d-4e3f-8a9b-0c1d2e3f4a5b`);
        const csv = ["product_id,inventory_count,note", ...notes.map((n, i) => `${ids[i]},${i},${quote(n)}`)].join(eol);
        const { rows, errors } = parseStockCsv(csv);
        expect(errors).toEqual([]);
        expect(rows.map((r) => r.note ?? "")).toEqual(notes.map((n) => n.trim()));
      }),
    );
  });
});
