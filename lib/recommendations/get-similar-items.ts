import "server-only";

import { readDb } from "@/lib/db/read-db";
import { redis } from "@/lib/redis/client";

// Content-based neighbours change only when listings do; an hour of staleness is invisible.
const SIMILAR_TTL_SECONDS = 60 * 60;
const SIMILAR_KEPT = 12;
const key = (productId: string) => `rec:similar:${productId}`;

/**
 * Live listings like this one, by content: the same category (or its parent), the same attribute
 * values, and similar words (title trigrams, and the title's words in the other's title and
 * description by full-text rank). Cached in Redis per listing; computed in PostgreSQL on a miss.
 */
export async function getSimilarItems(productId: string, limit: number): Promise<string[]> {
  const client = redis();
  try {
    const hit = client ? await client.get(key(productId)) : null;
    if (hit !== null) return (JSON.parse(hit) as string[]).slice(0, limit);
  } catch {
    // Redis unavailable: compute it.
  }
  const rows = await readDb().$queryRaw<{ id: string }[]>`
    WITH src AS (
      SELECT p.id, p.title, p.category_id, c.parent_id,
             to_tsquery('english', replace(plainto_tsquery('english', p.title)::text, ' & ', ' | ')) AS words
        FROM products p JOIN categories c ON c.id = p.category_id
       WHERE p.id = ${productId}::uuid
    )
    SELECT p.id
      FROM src, products p JOIN categories c ON c.id = p.category_id
     WHERE p.status = 'active' AND p.id <> src.id
       AND (p.category_id = src.category_id OR c.parent_id = src.parent_id OR p.title % src.title)
     ORDER BY
       (CASE WHEN p.category_id = src.category_id THEN 1.0 WHEN c.parent_id = src.parent_id THEN 0.4 ELSE 0 END)
       + 2 * similarity(p.title, src.title)
       + ts_rank(to_tsvector('english', p.title || ' ' || left(p.description, 2000)), src.words)
       + 0.3 * (SELECT count(*) FROM product_attributes a JOIN product_attributes b
                   ON b.attribute_key = a.attribute_key AND b.attribute_value = a.attribute_value
                WHERE a.product_id = p.id AND b.product_id = src.id)
       DESC,
       p.review_count DESC, p.id
     LIMIT ${SIMILAR_KEPT}`;
  const ids = rows.map((r) => r.id);
  try {
    await client?.set(key(productId), JSON.stringify(ids), "EX", SIMILAR_TTL_SECONDS);
  } catch {
    // Not cached this time.
  }
  return ids.slice(0, limit);
}
