type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/**
 * The caller's IP for rate limiting and fraud signals: the last X-Forwarded-For entry, the one
 * our single trusted proxy (haproxy, see dev/services/haproxy.ts) appended from the connection.
 * Entries before it are whatever the client sent, so trusting the first would let anyone pick
 * their own address. Without a proxy in front, Next fills the header from the socket when the
 * client sent none.
 */
export function clientIp(headers: HeaderSource | undefined): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as { get?: unknown }).get === "function")
      return (headers as { get(n: string): string | null }).get(name) ?? undefined;
    const v = (headers as Record<string, string | string[] | undefined>)[name];
    // Node joins repeated X-Forwarded-For lines with ", "; a raw array keeps them apart.
    return Array.isArray(v) ? v.join(", ") : v;
  };
  const hops = read("x-forwarded-for")?.split(",") ?? [];
  const lastHop = hops[hops.length - 1]?.trim();
  return lastHop || "unknown";
}
