"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireUser } from "@/lib/auth/guards";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import { importStockCsv } from "@/lib/inventory/import-stock-csv";
import { MAX_STOCK_CSV_BYTES, type StockCsvRowError } from "@/lib/inventory/parse-stock-csv";
import { updateStock } from "@/lib/inventory/update-stock";
import { logger } from "@/lib/log/logger";

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

const ZUpdateStockForm = z.object({
  productId: z.string({ error: "Product not found." }).trim().min(1, "Product not found."),
  count: numberField("Enter the number in stock."),
  lowStockThreshold: numberField(),
  note: z.string().trim().optional(),
});

async function currentSeller(): Promise<{ userId: string; sellerId: string }> {
  const user = await requireUser("seller");
  if (!user.sellerId) throw new AppError("forbidden", "Open a shop before managing stock.");
  return { userId: user.id, sellerId: user.sellerId };
}

function failure(err: unknown, what: string): { ok: false; message: string } {
  if (isAppError(err)) return { ok: false, message: err.message };
  logger.error({ err }, `${what} failed`);
  return { ok: false, message: "Something went wrong on our side. Please try again." };
}

export async function updateStockAction(_prev: UpdateStockState, form: FormData): Promise<UpdateStockState> {
  try {
    const { userId, sellerId } = await currentSeller();
    const parsed = ZUpdateStockForm.safeParse({
      productId: form.get("productId") ?? undefined,
      count: form.get("count") ?? undefined,
      lowStockThreshold: form.get("lowStockThreshold") ?? undefined,
      note: form.get("note") ?? undefined,
    });
    if (!parsed.success) throw zodToAppError(parsed.error, "Stock update");
    const { productId, count, lowStockThreshold, note } = parsed.data;
    const result = await updateStock({
      sellerId,
      actorId: userId,
      productId,
      count: count!,
      lowStockThreshold,
      note: note || undefined,
    });
    revalidatePath("/seller/inventory");
    revalidatePath(`/seller/inventory/${productId}`);
    const message =
      result.delta === 0
        ? `Saved: ${result.inventoryCount} in stock (unchanged).`
        : `Saved: ${result.inventoryCount} in stock (${result.delta > 0 ? "+" : "−"}${Math.abs(result.delta)}).`;
    return { ok: true, message, errors: {} };
  } catch (err) {
    const fields = isAppError(err) ? (err.details?.fields as Record<string, string> | undefined) : undefined;
    const base = failure(err, "stock update");
    // One row has room for one sentence: the first field's own message reads better than the summary.
    return { ...base, message: fields ? Object.values(fields)[0] : base.message, errors: fields ?? {} };
  }
}

export async function importStockCsvAction(_prev: ImportStockState, form: FormData): Promise<ImportStockState> {
  try {
    const { userId, sellerId } = await currentSeller();
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
    const result = await importStockCsv({ sellerId, actorId: userId, csv: await file.text() });
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
  } catch (err) {
    return { ...failure(err, "stock import"), errors: [] };
  }
}
