import type { RateLimitRule } from "@/lib/rate-limit/rate-limit";

// A 6-digit code has a million values: five guesses per account per quarter hour (and a
// bound per address across accounts) make guessing one hopeless.
export const TWO_FACTOR_RATE_LIMITS = {
  perUser: { name: "2fa-user", limit: 5, windowSeconds: 15 * 60 },
  perIp: { name: "2fa-ip", limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;
