import "server-only";

import { metrics } from "@/lib/metrics/registry";
import { redis } from "@/lib/redis/client";

import { memoryAdmissionGate, redisAdmissionGate, type AdmissionGate } from "./admission-gate";

const globalForGate = globalThis as unknown as { memoryGate?: AdmissionGate };

export function getAdmissionGate(): AdmissionGate {
  const client = redis();
  if (client) return counted(redisAdmissionGate(client));
  globalForGate.memoryGate ??= memoryAdmissionGate();
  return counted(globalForGate.memoryGate);
}

/** The gate with each answer counted for /api/metrics (admissions, rejections, bypasses). */
function counted(gate: AdmissionGate): AdmissionGate {
  return {
    kind: gate.kind,
    admit: async (productId, quantity) => {
      const outcome = await gate.admit(productId, quantity);
      metrics().gateAdmissions.inc({ outcome });
      return outcome;
    },
    release: (productId, quantity) => gate.release(productId, quantity),
    reset: (productId, count) => gate.reset(productId, count),
    peek: (productId) => gate.peek(productId),
    forget: (productId) => gate.forget(productId),
  };
}
