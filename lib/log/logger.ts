import "server-only";

import pino from "pino";

import { baseEnv } from "@/lib/env";

import { currentRequestContext } from "./request-context";

// Only the process-level variables: scripts and unit tests import the logger without the
// app's secrets.
const { LOG_LEVEL, MARKETPLACE_PROCESS } = baseEnv();

type LogTap = (line: string) => void;
const taps = new Set<LogTap>();

function tapLine(line: string): string {
  for (const tap of taps) tap(line);
  return line;
}

/**
 * Sees every serialized line the logger writes (an integration test reads what a request
 * logged); returns the function that removes it. pino's destination is a file descriptor, so a
 * hook on the write is the only place a line can be seen without replacing the destination.
 */
export function tapLogLines(tap: LogTap): () => void {
  taps.add(tap);
  return () => taps.delete(tap);
}

// Structured JSON logs; secrets and credentials never reach them.
export const logger = pino({
  level: LOG_LEVEL,
  base: { service: MARKETPLACE_PROCESS },
  // The request (or job) being served, so the lines of one request can be found together.
  mixin() {
    const ctx = currentRequestContext();
    if (!ctx) return {};
    return ctx.job ? { reqId: ctx.requestId, job: ctx.job } : { reqId: ctx.requestId };
  },
  hooks: { streamWrite: tapLine },
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
