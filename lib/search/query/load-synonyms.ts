import "server-only";

import { db } from "@/lib/db/client";

import { ttlMemo } from "../ttl-memo";
import { buildSynonymMap, type SynonymMap } from "./expand-synonyms";
import { normalizeQuery } from "./normalize-query";

const normalize = (s: string) => normalizeQuery(s).text;

async function load(): Promise<{ groups: string[][]; map: SynonymMap }> {
  const rows = await db().searchSynonym.findMany({ select: { term: true, synonyms: true }, orderBy: { id: "asc" } });
  const groups = rows.map((r) => [r.term, ...r.synonyms]);
  return { groups, map: buildSynonymMap(groups, normalize) };
}

// Admin edits reset this process's copy at once; other processes pick them up within 30 s.
const memo = ttlMemo(load, 30_000);

/** The synonym groups admins maintain (search_synonyms), as a lookup by phrase. */
export const loadSynonyms = memo.get;
export const invalidateSynonyms = memo.invalidate;
