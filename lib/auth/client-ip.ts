import "server-only";

import { env } from "@/lib/env";

import { normalizeAddress, readSocketAddress, SOCKET_ADDRESS_HEADER } from "./socket-address";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/**
 * The caller's IP for rate limiting and fraud signals. The socket's peer (see socket-address.ts)
 * is the truth; X-Forwarded-For is read only as far as TRUSTED_PROXY_HOPS proxies vouch for it:
 * each trusted proxy appends the address it was connected from, so with N hops the client is the
 * N-th address from the right of "X-Forwarded-For entries, then the socket". Everything further
 * left was written by the client and is ignored. With 0 hops (nothing in front) it is the socket
 * address itself, whatever X-Forwarded-For says. "unknown" when no socket address was stamped.
 */
export function clientIp(headers: HeaderSource | undefined, trustedHops?: number): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as { get?: unknown }).get === "function")
      return (headers as { get(n: string): string | null }).get(name) ?? undefined;
    const v = (headers as Record<string, string | string[] | undefined>)[name];
    // Node joins repeated X-Forwarded-For lines with ", "; a raw array keeps them apart.
    return Array.isArray(v) ? v.join(", ") : v;
  };
  const socket = readSocketAddress(read(SOCKET_ADDRESS_HEADER));
  if (!socket) return "unknown";
  const hops = trustedHops ?? env().TRUSTED_PROXY_HOPS;
  if (hops <= 0) return socket;
  const forwarded = (read("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  // Fewer entries than trusted hops: the leftmost is the furthest any proxy saw.
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)]);
}
