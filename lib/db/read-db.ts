import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { db } from "./client";
import { replicaSet } from "./replicas";

/**
 * The client for reads that may be a moment stale: public catalog pages (product, category,
 * storefront home), search and suggestions. A streaming replica when DATABASE_REPLICA_URLS names
 * one that is up and within DATABASE_REPLICA_MAX_LAG_MS of the primary, else the primary itself.
 * Never for a transaction, money, orders, carts, auth, a seller's or admin's pages, or a read
 * that must show what the reader just wrote: those use db() (docs/ARCHITECTURE.md, "Read replicas").
 */
export function readDb(): PrismaClient {
  return replicaSet()?.pick() ?? db();
}
