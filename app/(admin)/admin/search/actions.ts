"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import { deleteSearchSynonym, saveSearchSynonym } from "@/lib/search/query/search-synonyms";

export type SynonymFormState = { error?: string; message?: string };

function failure(err: unknown): SynonymFormState {
  if (err instanceof z.ZodError) return { error: zodToAppError(err, "Synonym group").message };
  if (isAppError(err)) return { error: err.message };
  throw err;
}

export async function saveSynonymAction(_prev: SynonymFormState, form: FormData): Promise<SynonymFormState> {
  try {
    await requireUser("admin");
    const row = await saveSearchSynonym({
      term: String(form.get("term") ?? ""),
      synonyms: String(form.get("synonyms") ?? ""),
    });
    revalidatePath("/admin/search");
    return { message: `Saved: “${row.term}” ↔ ${row.synonyms.map((s) => `“${s}”`).join(", ")}.` };
  } catch (err) {
    return failure(err);
  }
}

export async function deleteSynonymAction(id: number, _prev: SynonymFormState): Promise<SynonymFormState> {
  try {
    await requireUser("admin");
    await deleteSearchSynonym(id);
    revalidatePath("/admin/search");
    return { message: "Deleted." };
  } catch (err) {
    return failure(err);
  }
}
