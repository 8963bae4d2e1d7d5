// Admin-maintained synonym groups (search_synonyms): a term and its synonyms, all
// interchangeable in searches ("sofa" finds couches and "couch" finds sofas).
import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";

import { getSearchEngine } from "../engines/get-search-engine";
import { invalidateSynonyms } from "./load-synonyms";
import { normalizeQuery } from "./normalize-query";

const ZPhrase = z
  .string()
  .transform((s) => normalizeQuery(s).text)
  .pipe(z.string().min(1, { error: "Use letters or digits." }).max(100, { error: "At most 100 characters." }));

export const ZSynonymInput = z.object({
  term: ZPhrase,
  synonyms: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => normalizeQuery(x).text)
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(100, { error: "Each synonym must be at most 100 characters." }))
        .min(1, { error: "Give at least one synonym." })
        .max(20, { error: "At most 20 synonyms." }),
    ),
});

export type SynonymRow = { id: number; term: string; synonyms: string[] };

export async function listSearchSynonyms(): Promise<SynonymRow[]> {
  return db().searchSynonym.findMany({ select: { id: true, term: true, synonyms: true }, orderBy: { term: "asc" } });
}

async function afterChange(): Promise<void> {
  invalidateSynonyms();
  const rows = await listSearchSynonyms();
  // Outside any transaction: for Meilisearch this is a network call.
  await getSearchEngine().syncSynonyms(rows.map((r) => [r.term, ...r.synonyms]));
}

/** Creates the group for `term`, or replaces its synonyms when it exists. */
export async function saveSearchSynonym(input: { term: unknown; synonyms: unknown }): Promise<SynonymRow> {
  const parsed = ZSynonymInput.parse(input);
  const synonyms = [...new Set(parsed.synonyms.filter((s) => s !== parsed.term))];
  if (synonyms.length === 0)
    throw new AppError("validation_failed", "Give at least one synonym different from the term.", {
      fields: { synonyms: "required" },
    });
  const row = await db().searchSynonym.upsert({
    where: { term: parsed.term },
    create: { term: parsed.term, synonyms },
    update: { synonyms },
    select: { id: true, term: true, synonyms: true },
  });
  await afterChange();
  return row;
}

export async function deleteSearchSynonym(id: number): Promise<void> {
  try {
    await db().searchSynonym.delete({ where: { id } });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025")
      throw new AppError("not_found", "That synonym group no longer exists.");
    throw err;
  }
  await afterChange();
}
