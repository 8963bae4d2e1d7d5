// Reads a seller's stock CSV (the export's format, or any sheet with the same header) into
// validated rows. Pure: whether each product belongs to the seller is checked by the importer.
import { AppError } from "@/lib/errors/app-error";

export const MAX_STOCK_CSV_BYTES = 1024 * 1024;
export const MAX_STOCK_CSV_ROWS = 5_000;
export const MAX_STOCK_COUNT = 1_000_000;
export const MAX_LOW_STOCK_THRESHOLD = 100_000;
export const MAX_STOCK_NOTE_LENGTH = 500;

/** `row` is the spreadsheet row: the header is row 1, blank rows still count. */
export type StockCsvRow = { row: number; productId: string; count: number; lowStockThreshold?: number; note?: string };
export type StockCsvRowError = { row: number; message: string };
export type ParsedStockCsv = { rows: StockCsvRow[]; errors: StockCsvRowError[] };

const REQUIRED_COLUMNS = ["product_id", "inventory_count"] as const;
const HEADER_HELP = "product_id and inventory_count (optional: low_stock_threshold, note)";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE_NUMBER = /^\d+$/;

/**
 * Parses the whole file. A problem with the file as a whole (too big, no header, a column
 * missing, too many rows, an unclosed quote) throws; a problem with a row is reported for
 * that row, so the seller can fix every row in one go.
 */
export function parseStockCsv(text: string): ParsedStockCsv {
  if (Buffer.byteLength(text, "utf8") > MAX_STOCK_CSV_BYTES) {
    throw new AppError("payload_too_large", "The file is larger than 1 MB. Split it into smaller files.");
  }
  const records = readCsvRecords(text.startsWith("\uFEFF") ? text.slice(1) : text);
  const firstIndex = records.findIndex((r) => !isBlank(r));
  if (firstIndex === -1)
    throw new AppError(
      "validation_failed",
      `The file is empty. It needs a header row naming the columns ${HEADER_HELP}, then one row per product.`,
    );

  const header = records[firstIndex].map((name) => name.trim().toLowerCase());
  if (UUID.test(header[0] ?? "") || !header.some((h) => (REQUIRED_COLUMNS as readonly string[]).includes(h))) {
    throw new AppError("validation_failed", `The first row must be a header naming the columns ${HEADER_HELP}.`);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw new AppError(
      "validation_failed",
      `The header is missing the column ${missing.join(" and ")}. It needs ${HEADER_HELP}.`,
    );
  const repeated = header.find((h, i) => h !== "" && header.indexOf(h) !== i);
  if (repeated) throw new AppError("validation_failed", `The header names the column ${repeated} more than once.`);

  const dataRecords = records
    .slice(firstIndex + 1)
    .map((fields, i) => ({ fields, row: firstIndex + i + 2 }))
    .filter((r) => !isBlank(r.fields));
  if (dataRecords.length > MAX_STOCK_CSV_ROWS) {
    throw new AppError(
      "validation_failed",
      `The file has ${dataRecords.length.toLocaleString("en-US")} product rows; at most ${MAX_STOCK_CSV_ROWS.toLocaleString("en-US")} are allowed. Split it into smaller files.`,
    );
  }

  const col = (name: string) => header.indexOf(name);
  const [idCol, countCol, thresholdCol, noteCol] = [
    col("product_id"),
    col("inventory_count"),
    col("low_stock_threshold"),
    col("note"),
  ];
  const rows: StockCsvRow[] = [];
  const errors: StockCsvRowError[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { fields, row } of dataRecords) {
    const fail = (message: string) => errors.push({ row, message: `row ${row}: ${message}` });
    if (fields.length !== header.length) {
      fail(
        `has ${fields.length} ${fields.length === 1 ? "column" : "columns"} but the header has ${header.length}; put values that contain commas in double quotes`,
      );
      continue;
    }
    const productId = fields[idCol].trim().toLowerCase();
    if (productId === "") {
      fail("product_id is empty");
      continue;
    }
    if (!UUID.test(productId)) {
      fail(`product not found in your shop ("${clip(fields[idCol].trim())}" is not a product id)`);
      continue;
    }
    const first = firstRowOf.get(productId);
    if (first !== undefined) {
      fail(`product ${productId} appears more than once in the file (first on row ${first})`);
      continue;
    }
    firstRowOf.set(productId, row);

    const count = readWholeNumber(fields[countCol], MAX_STOCK_COUNT);
    if (count.error) {
      fail(`inventory_count ${count.error}`);
      continue;
    }
    let lowStockThreshold: number | undefined;
    if (thresholdCol !== -1 && fields[thresholdCol].trim() !== "") {
      const threshold = readWholeNumber(fields[thresholdCol], MAX_LOW_STOCK_THRESHOLD);
      if (threshold.error) {
        fail(`low_stock_threshold ${threshold.error}`);
        continue;
      }
      lowStockThreshold = threshold.value;
    }
    const note = noteCol === -1 ? "" : fields[noteCol].trim();
    if (note.length > MAX_STOCK_NOTE_LENGTH) {
      fail(`note is ${note.length} characters long; at most ${MAX_STOCK_NOTE_LENGTH} are allowed`);
      continue;
    }
    rows.push({
      row,
      productId,
      count: count.value!,
      ...(lowStockThreshold !== undefined ? { lowStockThreshold } : {}),
      ...(note ? { note } : {}),
    });
  }
  return { rows, errors };
}

function readWholeNumber(raw: string, max: number): { value?: number; error?: string } {
  const value = raw.trim();
  const range = `a whole number from 0 to ${max.toLocaleString("en-US")}`;
  if (value === "") return { error: `is empty; enter ${range}` };
  if (!WHOLE_NUMBER.test(value) || Number(value) > max) return { error: `"${clip(value)}" must be ${range}` };
  return { value: Number(value) };
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function isBlank(fields: string[]): boolean {
  return fields.every((f) => f.trim() === "");
}

/**
 * RFC 4180 records: fields separated by commas, records by CRLF, LF or CR; a quoted field
 * may hold commas, line breaks and doubled quotes. Lenient where spreadsheets are (a quote
 * inside an unquoted field is kept as text), strict about an unclosed quote, which would
 * otherwise swallow the rest of the file.
 */
function readCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(fields);
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === "") {
      const start = records.length + 1;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1)
          throw new AppError(
            "validation_failed",
            `row ${start}: a quoted value is never closed; check the double quotes on that row.`,
          );
        field += text.slice(i, close);
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    } else if (ch === ",") {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
