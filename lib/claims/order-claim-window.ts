import "server-only";

import { env } from "@/lib/env";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

import { claimWindow, type ClaimWindow } from "./claim-window";

/** The window for one order now, with the marketplace's settings (BUYER_PROTECTION_DAYS). */
export function orderClaimWindow(order: Parameters<typeof claimWindow>[0]["order"], kind?: ClaimKind): ClaimWindow {
  return claimWindow({
    order,
    kind,
    now: new Date(),
    protectionDays: env().BUYER_PROTECTION_DAYS,
  });
}
