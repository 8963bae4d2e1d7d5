import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// What every log line written while serving one request (or working one job) carries. An
// AsyncLocalStorage rather than a child logger passed around: the domain functions log through
// the one module-level logger and need no extra parameter.
// ip and userAgent say where a request came from, for the audit log (lib/audit).
export type RequestContext = { requestId: string; job?: string; ip?: string; userAgent?: string };

// On globalThis: Next bundles this module once per route and once more for instrumentation.ts,
// and the context entered for a page request there must be the one the logger reads here.
const globalForContext = globalThis as unknown as { marketplaceRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.marketplaceRequestContext ??= new AsyncLocalStorage<RequestContext>());

// An id from outside (haproxy's unique-id, a caller's trace id) is kept only when it is short and
// plain: it lands in every log line and in a response header, so no spaces, quotes or newlines.
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = "x-request-id";

/** The incoming X-Request-Id when well-formed, else a fresh UUID. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && WELL_FORMED.test(incoming) ? incoming : randomUUID();
}

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/**
 * Enters the context for the rest of the current synchronous run and everything it starts: for
 * a hook that sees a request begin but does not call its handler (observeHttpRequests).
 */
export function enterRequestContext(ctx: RequestContext): void {
  storage.enterWith(ctx);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
