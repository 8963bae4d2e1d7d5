import "server-only";

import { redis } from "@/lib/redis/client";

import { memoryAdmissionGate, redisAdmissionGate, type AdmissionGate } from "./admission-gate";

const globalForGate = globalThis as unknown as { memoryGate?: AdmissionGate };

export function getAdmissionGate(): AdmissionGate {
  const client = redis();
  if (client) return redisAdmissionGate(client);
  globalForGate.memoryGate ??= memoryAdmissionGate();
  return globalForGate.memoryGate;
}
