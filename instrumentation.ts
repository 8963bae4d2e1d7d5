import type { Instrumentation } from "next";

// Runs once when the server starts: a missing or bad environment variable stops it here,
// with the variable's name, instead of failing later on a request. Then every request gets a
// request id and every page its latency metric (lib/metrics/observe-http-requests.ts).
export async function register() {
  // Next inlines NEXT_RUNTIME per bundle (nodejs or edge); it is not ours to validate.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertServerEnv, env } = await import("./lib/env");
    assertServerEnv();
    // Before the first request is handled: stamps each request's socket address (lib/auth/client-ip.ts).
    const { installSocketAddressHook } = await import("./lib/auth/socket-address");
    installSocketAddressHook();
    // And whether it came over TLS (lib/headers/strict-transport-security.ts).
    const { installSocketTlsHook } = await import("./lib/headers/socket-tls");
    installSocketTlsHook();
    const { observeHttpRequests } = await import("./lib/metrics/observe-http-requests");
    const { pagePattern } = await import("./lib/metrics/page-pattern");
    const { readPageManifests } = await import("./lib/metrics/read-page-manifests");
    const manifests = readPageManifests(env().NEXT_DIST_DIR);
    observeHttpRequests({ pageOf: manifests ? pagePattern(manifests) : () => null });
    const { flushEventsOnShutdown } = await import("./lib/analytics/events/flush-events-on-shutdown");
    flushEventsOnShutdown();
  }
}

// A page (or a route outside apiRoute) that threw: one structured line carrying the request's
// id, so the failure can be found beside that request's other lines. Next prints its own too.
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/log/logger");
  const reqId = request.headers["x-request-id"];
  logger.error(
    {
      err,
      reqId: typeof reqId === "string" ? reqId : undefined,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
