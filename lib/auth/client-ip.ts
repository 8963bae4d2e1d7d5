type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** The caller's IP for rate limiting: the first X-Forwarded-For hop set by our proxy, else X-Real-IP. */
export function clientIp(headers: HeaderSource | undefined): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as { get?: unknown }).get === "function")
      return (headers as { get(n: string): string | null }).get(name) ?? undefined;
    const v = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || read("x-real-ip") || "unknown";
}
