import type { Tx } from "@/lib/db/client";

/**
 * Ends the account's sessions inside the transaction of the change that calls it, so a new
 * password or address never commits while the old sessions live on. lib/users sits below
 * lib/auth, so the caller passes lib/auth's revokeUserSessions (and says which session, if
 * any, to keep).
 */
export type EndSessions = (tx: Tx, userId: string) => Promise<unknown>;
