import type { RateLimitRule } from "@/lib/rate-limit/rate-limit";
import type { RateLimitPolicy } from "@/lib/rate-limit/rules";

function per(rule: RateLimitRule): string {
  const w = rule.windowSeconds;
  const unit = (n: number, u: string) => (n === 1 ? u : `${n} ${u}`);
  const window = w % 3600 === 0 ? unit(w / 3600, "h") : w % 60 === 0 ? unit(w / 60, "min") : `${w} s`;
  return `${rule.limit}/${window}`;
}

/** "600/min per IP, 120/min per account": the OpenAPI document's and docs/API-ACCESS.md's wording. */
export function describeRateLimit(limits: RateLimitPolicy): string {
  const parts: string[] = [];
  if (limits.perIp) parts.push(`${per(limits.perIp)} per IP`);
  if (limits.perUser) parts.push(`${per(limits.perUser)} per account`);
  return parts.join(", ");
}
