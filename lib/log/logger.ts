import "server-only";

import pino from "pino";

import { baseEnv } from "@/lib/env";

// Only the process-level variables: scripts and unit tests import the logger without the
// app's secrets.
const { LOG_LEVEL, MARKETPLACE_PROCESS } = baseEnv();

// Structured JSON logs; secrets and credentials never reach them.
export const logger = pino({
  level: LOG_LEVEL,
  base: { service: MARKETPLACE_PROCESS },
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
