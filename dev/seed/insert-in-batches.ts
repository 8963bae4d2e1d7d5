const BATCH_SIZE = 1000;

/** Inserts rows a thousand at a time (one createMany each, so no statement grows unbounded); the rows written. */
export async function insertInBatches<T>(
  rows: T[],
  insert: (batch: T[]) => Promise<{ count: number }>,
): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += BATCH_SIZE) count += (await insert(rows.slice(i, i + BATCH_SIZE))).count;
  return count;
}
