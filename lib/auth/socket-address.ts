// The TCP peer of each request, which Next does not hand to route handlers, server actions or
// proxy.ts: it only fills X-Forwarded-For from the socket when the client sent none (base-server's
// `x-forwarded-for ??= socket.remoteAddress`), so a client-written header would win. Node
// publishes every incoming request on the "http.server.request.start" diagnostics channel before
// any listener (Next's included) sees it; instrumentation.ts subscribes once per process and
// stamps the socket address into a header of ours, replacing whatever the client sent under that
// name. The value carries a random per-process token, so a request parsed before the subscription
// (the seconds while Next starts) cannot smuggle in an address of its choosing.
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";

export const SOCKET_ADDRESS_HEADER = "x-marketplace-socket-address";

const TOKEN = Symbol.for("marketplace.socketAddressToken");
type Holder = { [TOKEN]?: string };

function token(): string {
  const g = globalThis as Holder;
  return (g[TOKEN] ??= randomBytes(18).toString("base64url"));
}

/** "::ffff:203.0.113.7" (an IPv4 client on a dual-stack socket) → "203.0.113.7". */
export function normalizeAddress(address: string): string {
  const a = address.trim();
  return a.toLowerCase().startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

/** The header value that vouches for `address` in this process (the hook's, and tests' requests). */
export function socketAddressValue(address: string): string {
  return `${token()} ${normalizeAddress(address)}`;
}

/** The address the hook stamped, or null when the header is absent or not ours. */
export function readSocketAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== token()) return null;
  return value.slice(space + 1) || null;
}

type RequestStart = {
  request: { headers: Record<string, string | string[] | undefined> };
  socket: { remoteAddress?: string };
};

let installed = false;

/** Subscribes once; every request after this carries its socket address (absent when the socket has none). */
export function installSocketAddressHook(): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as RequestStart;
    delete request.headers[SOCKET_ADDRESS_HEADER];
    if (socket.remoteAddress) request.headers[SOCKET_ADDRESS_HEADER] = socketAddressValue(socket.remoteAddress);
  });
}
