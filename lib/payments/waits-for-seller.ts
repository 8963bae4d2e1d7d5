import type { ReleaseBlockCode } from "@/lib/generated/prisma/enums";

/** Causes the seller fixes (the release resumes when their account is ready); the others are retried on a schedule. */
export function waitsForSeller(code: ReleaseBlockCode): boolean {
  return code === "no_payout_account" || code === "payouts_disabled";
}
