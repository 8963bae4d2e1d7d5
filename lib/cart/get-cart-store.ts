import "server-only";

import { db } from "@/lib/db/client";
import { redis } from "@/lib/redis/client";

import { postgresCartStore, redisCartStore, type CartStore } from "./cart-store";

export function getCartStore(): CartStore {
  const client = redis();
  return client ? redisCartStore(client) : postgresCartStore(db());
}
