import { describe, expect, it } from "vitest";

import { EnvError, parseServerEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  NEXTAUTH_SECRET: "a".repeat(32),
  UPLOAD_SIGNING_SECRET: "b".repeat(32),
  STRIPE_SECRET_KEY: "sk_test_x",
  STRIPE_WEBHOOK_SECRET: "whsec_x",
  STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_y",
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_x",
};

describe("parseServerEnv", () => {
  it("accepts a complete environment and fills defaults", () => {
    const env = parseServerEnv(valid);
    expect(env.COMMISSION_BPS).toBe(1500);
    expect(env.DATA_DIR).toBe(".data");
    expect(env.REDIS_URL).toBeUndefined();
  });

  it("names every missing or bad variable", () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    const run = () => parseServerEnv({ ...rest, STRIPE_SECRET_KEY: "pk_live_wrong", COMMISSION_BPS: "20000" });
    expect(run).toThrow(EnvError);
    expect(run).toThrow(/DATABASE_URL/);
    expect(run).toThrow(/STRIPE_SECRET_KEY: must start with sk_test_ or sk_live_/);
    expect(run).toThrow(/COMMISSION_BPS/);
  });

  it("treats empty optional variables as unset", () => {
    expect(parseServerEnv({ ...valid, REDIS_URL: "", SMTP_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("requires S3 credentials when a bucket is configured", () => {
    expect(() => parseServerEnv({ ...valid, S3_BUCKET: "b" })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required/,
    );
  });
});
