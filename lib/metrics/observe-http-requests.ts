import "server-only";

import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

import { enterRequestContext, REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-context";

import { observeRequest } from "./registry";

type ServerMessage = { request: IncomingMessage; response: ServerResponse };

// Paths no page answers even when they 404: Next's assets and the API (apiRoute measures its own).
const NOT_PAGES = /^\/(?:_next|api|media)\//;

/**
 * Gives every request this process serves a request id before Next sees it, and measures the
 * pages among them. Node's HTTP server announces each request on diagnostics channels: at the
 * start the incoming X-Request-Id (when well-formed, else a fresh one) is written to the
 * request's headers (so apiRoute, serverAction and pages read the same id), to the response's
 * X-Request-Id, and to the logging context of everything the request runs; at the finish a page
 * request (by `pageOf`, server-action posts to a page included) is observed in
 * marketplace_http_request_duration_seconds under its page pattern, a 404 elsewhere under
 * `/_not-found`. Route handlers are not observed here. Returns the function that stops it.
 */
export function observeHttpRequests(opts: { pageOf: (pathname: string) => string | null }): () => void {
  const started = new WeakMap<ServerResponse, number>();
  const onStart = (message: unknown) => {
    const { request, response } = message as ServerMessage;
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = requestIdFrom(Array.isArray(incoming) ? incoming[0] : incoming);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    enterRequestContext({ requestId });
    started.set(response, performance.now());
  };
  const onFinish = (message: unknown) => {
    const { request, response } = message as ServerMessage;
    const t0 = started.get(response);
    if (t0 === undefined) return;
    const pathname = (request.url ?? "/").split("?")[0];
    const route =
      opts.pageOf(pathname) ?? (response.statusCode === 404 && !NOT_PAGES.test(pathname) ? "/_not-found" : null);
    if (!route) return;
    observeRequest({
      method: request.method ?? "GET",
      route,
      status: response.statusCode,
      seconds: (performance.now() - t0) / 1000,
    });
  };
  subscribe("http.server.request.start", onStart);
  subscribe("http.server.response.finish", onFinish);
  return () => {
    unsubscribe("http.server.request.start", onStart);
    unsubscribe("http.server.response.finish", onFinish);
  };
}
