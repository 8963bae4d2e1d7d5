import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, type CspEnv } from "./content-security-policy";

const production: CspEnv = { NODE_ENV: "production", S3_REGION: "us-east-1" };
const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("a page rendered for the request: scripts by nonce and 'strict-dynamic', never 'unsafe-inline' or 'unsafe-eval'", () => {
    const csp = contentSecurityPolicy(production, "abc123==");
    expect(directive(csp, "script-src")).toBe(
      "script-src 'self' 'nonce-abc123==' 'strict-dynamic' https://js.stripe.com",
    );
    expect(csp).toContain("frame-ancestors 'none'");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' https://api.stripe.com");
  });

  it("a page rendered once for many visitors has no nonce, so it keeps 'unsafe-inline' for scripts", () => {
    const csp = contentSecurityPolicy(production, null);
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'unsafe-inline' https://js.stripe.com");
    expect(csp).not.toContain("'nonce-");
  });

  it("allows the local Stripe emulator, the S3 bucket and, in development, eval and hot reload", () => {
    const csp = contentSecurityPolicy(
      {
        NODE_ENV: "development",
        STRIPE_API_BASE: "http://127.0.0.1:12111",
        S3_BUCKET: "shop",
        S3_REGION: "eu-west-1",
        S3_PUBLIC_URL: "https://cdn.example",
      },
      "n",
    );
    expect(directive(csp, "script-src")).toBe(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval' http://localhost:* http://127.0.0.1:*",
    );
    expect(directive(csp, "img-src")).toBe("img-src 'self' data: blob: https://cdn.example");
    expect(directive(csp, "connect-src")).toBe(
      "connect-src 'self' http://localhost:* http://127.0.0.1:* https://shop.s3.eu-west-1.amazonaws.com ws:",
    );
  });
});
