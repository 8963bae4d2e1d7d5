import type { RateLimitRule } from "./rate-limit";

// Every rate limit in one table (docs/API-ACCESS.md is generated from it and from each route's and
// action's declaration: npm run docs:access). Limits are per fixed window and multiplied by
// RATE_LIMIT_MULTIPLIER (e2e runs and benchmarks, which come from one address, raise it).
// Per-IP limits stop one address; per-account limits key on the user id, so an account gains
// nothing by rotating addresses. Generous for people, tight for scripts.

const perMinute = (name: string, limit: number): RateLimitRule => ({ name, limit, windowSeconds: 60 });

export const RATE_LIMITS = {
  // Sign-in and sign-up (enforced in lib/users): per IP and per email.
  signInPerIp: { name: "signin-ip", limit: 30, windowSeconds: 15 * 60 },
  signInPerEmail: { name: "signin-email", limit: 10, windowSeconds: 15 * 60 },
  signUpPerIp: { name: "signup-ip", limit: 10, windowSeconds: 60 * 60 },
  signUpPerEmail: { name: "signup-email", limit: 5, windowSeconds: 60 * 60 },
  checkoutPerUser: perMinute("checkout-user", 30),
  // Account recovery and changes (lib/users): per IP and per email so reset mail can't be used
  // to flood an inbox; re-authentication per account so a stolen session can't guess the password.
  passwordResetPerIp: { name: "reset-ip", limit: 10, windowSeconds: 60 * 60 },
  passwordResetPerEmail: { name: "reset-email", limit: 3, windowSeconds: 60 * 60 },
  accountLinkPerIp: { name: "account-link-ip", limit: 30, windowSeconds: 15 * 60 },
  verificationEmailPerUser: { name: "verify-mail-user", limit: 5, windowSeconds: 60 * 60 },
  reauthPerUser: { name: "reauth-user", limit: 10, windowSeconds: 15 * 60 },
  // Messages between buyers and sellers (lib/messages): a person types a few a minute at most;
  // a script spamming shops or starting threads with many of them is stopped per account.
  messageSendPerUser: { name: "message-user", limit: 30, windowSeconds: 10 * 60 },
  conversationStartPerUser: { name: "conversation-start-user", limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/** What a route or action counts: per client IP, per signed-in account, or both. */
export type RateLimitPolicy = { perIp?: RateLimitRule; perUser?: RateLimitRule };

export const RATE_LIMIT_POLICIES = {
  /** Every API write (POST, PUT, PATCH, DELETE) that declares nothing else. */
  write: { perIp: perMinute("write-ip", 600), perUser: perMinute("write-user", 120) },
  /** Every server action that declares nothing else. */
  action: { perIp: perMinute("action-ip", 600), perUser: perMinute("action-user", 120) },
  /** Cart changes, signed in or not. */
  cart: { perIp: perMinute("cart-ip", 600), perUser: perMinute("cart-user", 240) },
  /** Placing an order and starting its payment. */
  checkout: { perIp: perMinute("checkout-ip", 600), perUser: RATE_LIMITS.checkoutPerUser },
  /** Search and suggestions (GET): the most expensive reads. */
  search: { perIp: perMinute("search-ip", 600), perUser: perMinute("search-user", 600) },
  /** Result clicks (they feed ranking, so flooding them must not pay). */
  searchClicks: { perIp: perMinute("search-clicks-ip", 120), perUser: perMinute("search-clicks-user", 120) },
  /** Product-view beacons from product pages (analytics only, but a flood must not pay). */
  analyticsBeacon: { perIp: perMinute("analytics-beacon-ip", 120), perUser: perMinute("analytics-beacon-user", 120) },
  /** A seller's analytics report and its CSV export (each reads a range of rollups). */
  analyticsRead: { perIp: perMinute("analytics-read-ip", 120), perUser: perMinute("analytics-read-user", 60) },
  /** An admin report read over a period of the ledger (the tax report and its CSV, the platform analytics CSV). */
  adminReport: { perIp: perMinute("admin-report-ip", 60), perUser: perMinute("admin-report-user", 30) },
  /** Writing or editing a review (one account cannot flood a product). */
  reviewWrite: {
    perIp: perMinute("write-ip", 600),
    perUser: { name: "review-write-user", limit: 30, windowSeconds: 3600 },
  },
  reviewReport: {
    perIp: perMinute("write-ip", 600),
    perUser: { name: "review-report-user", limit: 20, windowSeconds: 3600 },
  },
  reviewVote: {
    perIp: perMinute("write-ip", 600),
    perUser: { name: "review-vote-user", limit: 120, windowSeconds: 3600 },
  },
  /** Sending a message or starting a conversation (lib/messages also counts per account). */
  messages: { perIp: perMinute("write-ip", 600), perUser: perMinute("message-action-user", 20) },
  /** Turning web push on or off for a browser (each subscription is a row the worker sends to). */
  pushSubscriptions: { perIp: perMinute("push-subscription-ip", 60), perUser: perMinute("push-subscription-user", 20) },
  /**
   * One-click unsubscribe links (GET redirects to the page, POST turns a group's email off): signed
   * out by design, so per IP above all; a mail provider posts from few addresses, so generous.
   */
  unsubscribe: { perIp: perMinute("unsubscribe-ip", 120), perUser: perMinute("unsubscribe-user", 60) },
  /** Saving a listing to favourites or taking it off, and reading one's saved ids (the hearts). */
  favourites: { perIp: perMinute("favourites-ip", 600), perUser: perMinute("favourites-user", 240) },
  /** Recommendation blocks (GET, read client-side by product, cart, order and home pages). */
  recommendations: { perIp: perMinute("recommendations-ip", 600), perUser: perMinute("recommendations-user", 600) },
  /** Impressions and clicks of recommendation blocks (analytics only, but a flood must not pay). */
  recommendationEvents: {
    perIp: perMinute("recommendation-events-ip", 240),
    perUser: perMinute("recommendation-events-user", 240),
  },
  /** Uploads (each may be 10 MB of storage). */
  upload: { perIp: perMinute("upload-ip", 120), perUser: perMinute("upload-user", 60) },
} satisfies Record<string, RateLimitPolicy>;

/**
 * Pages that count their GET requests (proxy.ts, before the page renders), by path. /search runs
 * the same query as GET /api/v1/search and shares its counters, so switching between the page
 * and the API buys nothing.
 */
export const PAGE_RATE_LIMITS: Record<string, RateLimitPolicy> = {
  "/search": RATE_LIMIT_POLICIES.search,
};

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The limits that apply to one route method: what it declares, else the write policy for a
 * write, else none. `false` turns the default off (a webhook: its signature is checked first and
 * its sender retries whatever it is refused).
 */
export function routeRateLimit(method: string, declared: RateLimitPolicy | false | undefined): RateLimitPolicy | null {
  if (declared === false) return null;
  if (declared) return declared;
  return WRITE_METHODS.has(method.toUpperCase()) ? RATE_LIMIT_POLICIES.write : null;
}
