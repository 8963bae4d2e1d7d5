// Whether each request arrived on a TLS socket, stamped the way lib/auth/socket-address.ts stamps
// the peer address: proxy.ts never sees the socket, and Next fills X-Forwarded-Proto from it only
// when the client sent none, so that header alone cannot say "this connection is HTTPS". Node
// publishes every incoming request on "http.server.request.start" before Next sees it;
// instrumentation.ts subscribes once per process and replaces whatever the client sent under
// this header's name with a per-process random token when the socket is encrypted.
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";

export const SOCKET_TLS_HEADER = "x-marketplace-socket-tls";

const TOKEN = Symbol.for("marketplace.socketTlsToken");
type Holder = { [TOKEN]?: string };

/** The value that vouches for a TLS socket in this process. */
export function socketTlsValue(): string {
  const g = globalThis as Holder;
  return (g[TOKEN] ??= randomBytes(18).toString("base64url"));
}

/** True when the hook stamped this request as received over TLS. */
export function readSocketTls(value: string | null | undefined): boolean {
  return !!value && value === socketTlsValue();
}

type RequestStart = {
  request: { headers: Record<string, string | string[] | undefined> };
  socket: { encrypted?: boolean };
};

let installed = false;

/** Subscribes once; every request after this carries the stamp when its socket is TLS. */
export function installSocketTlsHook(): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as RequestStart;
    delete request.headers[SOCKET_TLS_HEADER];
    if (socket.encrypted) request.headers[SOCKET_TLS_HEADER] = socketTlsValue();
  });
}
