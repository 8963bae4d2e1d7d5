"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { importStockCsv } from "@/lib/inventory/import-stock-csv";
import { MAX_STOCK_CSV_BYTES, type StockCsvRowError } from "@/lib/inventory/parse-stock-csv";
import { updateStock } from "@/lib/inventory/update-stock";

export type UpdateStockState = { ok: boolean; message: string; errors: Record<string, string> };
export type ImportStockState = {
  ok: boolean;
  message: string;
  errors: StockCsvRowError[];
  applied?: number;
  unchanged?: number;
};

// Form fields arrive as text; an empty box means "not given", anything else becomes a number
// that updateStock validates (so "2.5" or "ten" get its whole-number message).
const numberField = (missing?: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") {
        if (missing) ctx.addIssue({ code: "custom", message: missing });
        return undefined;
      }
      return Number(v);
    });

const ZUpdateStockForm = z
  .object({
    productId: z.string({ error: "Product not found." }).trim().min(1, "Product not found."),
    count: numberField("Enter the number in stock."),
    lowStockThreshold: numberField(),
    note: z.string().trim().optional(),
  })
  .meta({ title: "Stock update" });

function shopOf(user: CurrentUser): string {
  if (!user.sellerId) throw new AppError("forbidden", "Open a shop before managing stock.");
  return user.sellerId;
}

export const updateStockAction = serverAction(
  {
    access: "seller",
    args: [ARG.unread, ARG.form],
    schema: ZUpdateStockForm,
    input: (_prev: UpdateStockState, form: FormData) => ({
      productId: form.get("productId") ?? undefined,
      count: form.get("count") ?? undefined,
      lowStockThreshold: form.get("lowStockThreshold") ?? undefined,
      note: form.get("note") ?? undefined,
    }),
    // One row has room for one sentence: the first field's own message reads better than the summary.
    failure: (f): UpdateStockState => ({
      ok: false,
      message: f.fields ? Object.values(f.fields)[0] : f.error,
      errors: f.fields ?? {},
    }),
  },
  async ({ user, input }, _prev: UpdateStockState, _form: FormData): Promise<UpdateStockState> => {
    const { productId, count, lowStockThreshold, note } = input;
    const result = await updateStock({
      sellerId: shopOf(user),
      actorId: user.id,
      productId,
      count: count!,
      lowStockThreshold,
      note: note || undefined,
    });
    revalidatePath("/seller/inventory");
    revalidatePath(`/seller/inventory/${productId}`);
    // No product-page revalidation: the cached page loads its stock live in the browser (and
    // refreshes within its 15 s period), so a restock must not empty the page cache.
    const message =
      result.delta === 0
        ? `Saved: ${result.inventoryCount} in stock (unchanged).`
        : `Saved: ${result.inventoryCount} in stock (${result.delta > 0 ? "+" : "−"}${Math.abs(result.delta)}).`;
    return { ok: true, message, errors: {} };
  },
);

export const importStockCsvAction = serverAction(
  {
    access: "seller",
    args: [ARG.unread, ARG.form],
    failure: (f): ImportStockState => ({ ok: false, message: f.error, errors: [] }),
  },
  async ({ user }, _prev: ImportStockState, form: FormData): Promise<ImportStockState> => {
    const sellerId = shopOf(user);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return { ok: false, message: "Choose a CSV file to import.", errors: [] };
    if (file.size > MAX_STOCK_CSV_BYTES)
      return { ok: false, message: "The file is larger than 1 MB. Split it into smaller files.", errors: [] };
    if (!/\.csv$/i.test(file.name) && !/csv|text\/plain/.test(file.type)) {
      return {
        ok: false,
        message: "Choose a .csv file. In a spreadsheet, use “Save as” or “Download” and pick CSV.",
        errors: [],
      };
    }
    const result = await importStockCsv({ sellerId, actorId: user.id, csv: await file.text() });
    if (result.errors.length) {
      const n = result.errors.length;
      return {
        ok: false,
        message: `Nothing was changed: ${n} ${n === 1 ? "row needs" : "rows need"} fixing. Correct ${n === 1 ? "it" : "them"} and import the file again.`,
        errors: result.errors,
      };
    }
    // "layout" also refreshes every product's history page below it.
    revalidatePath("/seller/inventory", "layout");
    const updated = `${result.applied} ${result.applied === 1 ? "product" : "products"} updated`;
    return {
      ok: true,
      message: `Import complete: ${updated}, ${result.unchanged} already up to date.`,
      errors: [],
      applied: result.applied,
      unchanged: result.unchanged,
    };
  },
);
