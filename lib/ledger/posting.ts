import type { Movement } from "./post-entries";

/**
 * What a posting rule decides: one balanced money movement, posted as one ledger transaction.
 * Rules are pure (lib/ledger/post-*.ts); their post* twins write the result with postEntries.
 */
export type Posting = { orderId?: string | null; currency: string; movements: Movement[] };
