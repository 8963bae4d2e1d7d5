import { describe, expect, it } from "vitest";

import { EnvError, parseBaseEnv, parseServerEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  NEXTAUTH_SECRET: "a".repeat(32),
  UPLOAD_SIGNING_SECRET: "b".repeat(32),
  UNSUBSCRIBE_SECRET: "u".repeat(32),
  TOTP_ENCRYPTION_KEY: "c".repeat(64),
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

  it("reads comma-separated replica URLs, none when unset or empty, and names a bad one", () => {
    expect(parseServerEnv(valid).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parseServerEnv({ ...valid, DATABASE_REPLICA_URLS: "" }).DATABASE_REPLICA_URLS).toEqual([]);
    expect(
      parseServerEnv({ ...valid, DATABASE_REPLICA_URLS: " postgresql://r1/db, postgres://r2/db ," })
        .DATABASE_REPLICA_URLS,
    ).toEqual(["postgresql://r1/db", "postgres://r2/db"]);
    expect(() => parseServerEnv({ ...valid, DATABASE_REPLICA_URLS: "postgresql://r1/db,mysql://r2/db" })).toThrow(
      /DATABASE_REPLICA_URLS.*postgresql:\/\/ URL/,
    );
    expect(parseServerEnv(valid).DATABASE_REPLICA_MAX_LAG_MS).toBe(2000);
    expect(() => parseServerEnv({ ...valid, DATABASE_REPLICA_MAX_LAG_MS: "0" })).toThrow(/DATABASE_REPLICA_MAX_LAG_MS/);
  });

  it("takes each OAuth provider's two variables together, and a 32-byte hex key for two-factor secrets", () => {
    expect(parseServerEnv({ ...valid, GITHUB_ID: "id", GITHUB_SECRET: "s" }).GITHUB_ID).toBe("id");
    expect(() => parseServerEnv({ ...valid, GITHUB_ID: "id" })).toThrow(/set both GITHUB_ID and GITHUB_SECRET/);
    expect(() => parseServerEnv({ ...valid, GOOGLE_CLIENT_SECRET: "s" })).toThrow(/GOOGLE_CLIENT_ID/);
    expect(() => parseServerEnv({ ...valid, TOTP_ENCRYPTION_KEY: "short" })).toThrow(/TOTP_ENCRYPTION_KEY/);
  });

  it("requires S3 credentials when a bucket is configured", () => {
    expect(() => parseServerEnv({ ...valid, S3_BUCKET: "b" })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required/,
    );
  });

  it("gives empty numeric variables their defaults instead of zero", () => {
    const env = parseServerEnv({ ...valid, COMMISSION_BPS: "", RETURN_WINDOW_DAYS: "", RATE_LIMIT_MULTIPLIER: "" });
    expect(env.COMMISSION_BPS).toBe(1500);
    expect(env.RETURN_WINDOW_DAYS).toBe(30);
    expect(env.RATE_LIMIT_MULTIPLIER).toBe(1);
  });

  it("accepts a rate-limit multiplier of 1 or more and names a bad one", () => {
    expect(parseServerEnv({ ...valid, RATE_LIMIT_MULTIPLIER: "50" }).RATE_LIMIT_MULTIPLIER).toBe(50);
    expect(() => parseServerEnv({ ...valid, RATE_LIMIT_MULTIPLIER: "0.5" })).toThrow(
      /RATE_LIMIT_MULTIPLIER: must be a number of at least 1/,
    );
    expect(() => parseServerEnv({ ...valid, RATE_LIMIT_MULTIPLIER: "lots" })).toThrow(/RATE_LIMIT_MULTIPLIER/);
  });

  it("defaults the Redis key prefix, the build directory and the process name", () => {
    const env = parseServerEnv(valid);
    expect(env.REDIS_KEY_PREFIX).toBe("mkt:");
    expect(env.NEXT_DIST_DIR).toBe(".next");
    expect(env.MARKETPLACE_PROCESS).toBe("web");
  });
});

describe("parseBaseEnv", () => {
  it("needs none of the app's secrets", () => {
    expect(parseBaseEnv({ MARKETPLACE_PROCESS: "worker" })).toMatchObject({
      NODE_ENV: "development",
      MARKETPLACE_PROCESS: "worker",
    });
  });

  it("logs silently under test and at info otherwise, unless LOG_LEVEL says", () => {
    expect(parseBaseEnv({ NODE_ENV: "test" }).LOG_LEVEL).toBe("silent");
    expect(parseBaseEnv({ NODE_ENV: "production" }).LOG_LEVEL).toBe("info");
    expect(parseBaseEnv({ NODE_ENV: "test", LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(parseServerEnv({ ...valid, NODE_ENV: "test" }).LOG_LEVEL).toBe("silent");
  });

  it("names a bad log level", () => {
    expect(() => parseBaseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});
