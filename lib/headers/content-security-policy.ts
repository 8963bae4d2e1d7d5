// The site's Content-Security-Policy (docs/HEADERS.md). next.config.ts sends it without a nonce
// for every response but stored media; proxy.ts replaces it, for a page rendered for this
// request, with one that carries a fresh nonce: Next reads the nonce from the request's CSP header
// and puts it on its own scripts, and 'strict-dynamic' lets those load the rest (chunks,
// Stripe.js). A page rendered once for many visitors (the page cache, prerendered pages) cannot
// hold a per-request nonce, so those keep 'unsafe-inline' for scripts.
import type { TServerEnv } from "@/lib/env";

export type CspEnv = Pick<
  TServerEnv,
  "NODE_ENV" | "STRIPE_API_BASE" | "S3_BUCKET" | "S3_ENDPOINT" | "S3_REGION" | "S3_PUBLIC_URL"
>;

export function contentSecurityPolicy(e: CspEnv, nonce: string | null): string {
  // Next sets NODE_ENV itself (production for build and start): development needs eval for
  // React's dev tools and a websocket for hot reload.
  const dev = e.NODE_ENV !== "production";
  // With the local Stripe emulator (STRIPE_API_BASE) its port may change between runs, so any
  // loopback origin is allowed; with real Stripe only Stripe's hosts are.
  const localStripe = e.STRIPE_API_BASE ? "http://localhost:* http://127.0.0.1:*" : "";
  const stripeJs = localStripe || "https://js.stripe.com";
  const stripeApi = localStripe || "https://api.stripe.com";
  // Browsers upload images straight to the bucket, so its origin must be reachable.
  const s3Upload = e.S3_BUCKET ? (e.S3_ENDPOINT ?? `https://${e.S3_BUCKET}.s3.${e.S3_REGION}.amazonaws.com`) : "";
  const evalSource = dev ? " 'unsafe-eval'" : "";
  // 'self' and the Stripe origin stay beside 'strict-dynamic' for browsers without CSP level 3,
  // which ignore it; browsers with it ignore them.
  const scripts = nonce
    ? `'self' 'nonce-${nonce}' 'strict-dynamic'${evalSource} ${stripeJs}`
    : `'self' 'unsafe-inline'${evalSource} ${stripeJs}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // React and Stripe Elements set style attributes; a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${e.S3_PUBLIC_URL ? ` ${e.S3_PUBLIC_URL}` : ""}`,
    "font-src 'self'",
    // The web-push service worker (public/sw.js); without it the fallback is script-src, whose 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    `connect-src 'self' ${stripeApi}${s3Upload ? ` ${s3Upload}` : ""}${dev ? " ws:" : ""}`,
    // Framing is refused everywhere except Stripe's own frames.
    `frame-src 'self' ${stripeJs} https://hooks.stripe.com`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
