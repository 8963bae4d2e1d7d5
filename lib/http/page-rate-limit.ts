// The rate limit of a page (lib/rate-limit/rules.ts PAGE_RATE_LIMITS), counted in proxy.ts: a
// page component cannot answer 429, so the count happens before Next renders it. Per client
// address as lib/auth/client-ip.ts reads it (a rotating X-Forwarded-For is not a new client), and
// per account when the session cookie names one (keyed on the user id, so rotating addresses
// does not help either).
import "server-only";

import type { NextRequest } from "next/server";

import { clientIp } from "@/lib/auth/client-ip";
import { sessionSubject } from "@/lib/auth/session-subject";
import { isAppError } from "@/lib/errors/app-error";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { PAGE_RATE_LIMITS, type RateLimitPolicy } from "@/lib/rate-limit/rules";

import { enforceLimits } from "./api-route";

/** The 429 page for a request over its page's limit; null when the page has none or the request is within it. */
export async function refusePageOverLimit(
  req: NextRequest,
  limitsByPath: Record<string, RateLimitPolicy> = PAGE_RATE_LIMITS,
): Promise<Response | null> {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const limits = Object.hasOwn(limitsByPath, req.nextUrl.pathname) ? limitsByPath[req.nextUrl.pathname] : null;
  if (!limits) return null;
  const subject = limits.perUser ? await sessionSubject(req) : null;
  try {
    await enforceLimits(getRateLimitStore(), limits, clientIp(req.headers), subject ? { id: subject } : null);
    return null;
  } catch (err) {
    if (!isAppError(err) || err.code !== "rate_limited") throw err;
    return tooManyRequestsPage(err.message, Number(err.details?.retryAfterSeconds ?? 60));
  }
}

function tooManyRequestsPage(message: string, retryAfterSeconds: number): Response {
  // Plain HTML without scripts or inline styles, so any Content-Security-Policy allows it.
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many requests</title></head>
<body>
<main>
<h1>Too many requests</h1>
<p>${escapeHtml(message)}</p>
<p>This page is limited so that one visitor cannot slow it down for everyone else.</p>
<p><a href="/">Back to the shop</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 429,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(retryAfterSeconds),
      "Cache-Control": "no-store",
    },
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
