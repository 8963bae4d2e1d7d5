import type { RateLimitRule } from "./rate-limit";

// Per IP and per email (sign-in, sign-up) so neither one address nor one account can be
// hammered; checkout is limited per buyer.
export const RATE_LIMITS = {
  signInPerIp: { name: "signin-ip", limit: 30, windowSeconds: 15 * 60 },
  signInPerEmail: { name: "signin-email", limit: 10, windowSeconds: 15 * 60 },
  signUpPerIp: { name: "signup-ip", limit: 10, windowSeconds: 60 * 60 },
  signUpPerEmail: { name: "signup-email", limit: 5, windowSeconds: 60 * 60 },
  checkoutPerUser: { name: "checkout-user", limit: 30, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;
