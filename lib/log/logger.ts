import pino from "pino";

// Structured JSON logs; secrets and credentials never reach them.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: process.env.MARKETPLACE_PROCESS ?? "web" },
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "headers.authorization",
      "headers.cookie",
      "*.secret",
    ],
    censor: "[redacted]",
  },
});
