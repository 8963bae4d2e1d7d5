"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { deleteSearchSynonym, saveSearchSynonym } from "@/lib/search/query/search-synonyms";

export type SynonymFormState = { error?: string; message?: string };

export const saveSynonymAction = serverAction(
  { access: "admin", args: [ARG.unread, ARG.form] },
  async (_ctx, _prev: SynonymFormState, form: FormData): Promise<SynonymFormState> => {
    try {
      const row = await saveSearchSynonym({
        term: String(form.get("term") ?? ""),
        synonyms: String(form.get("synonyms") ?? ""),
      });
      revalidatePath("/admin/search");
      return { message: `Saved: “${row.term}” ↔ ${row.synonyms.map((s) => `“${s}”`).join(", ")}.` };
    } catch (err) {
      // saveSearchSynonym validates with zod itself; its error reads as the synonym group's.
      if (err instanceof z.ZodError) throw zodToAppError(err, "Synonym group");
      throw err;
    }
  },
);

export const deleteSynonymAction = serverAction(
  { access: "admin", args: [ARG.serial] },
  async (_ctx, id: number, _prev: SynonymFormState): Promise<SynonymFormState> => {
    await deleteSearchSynonym(id);
    revalidatePath("/admin/search");
    return { message: "Deleted." };
  },
);
