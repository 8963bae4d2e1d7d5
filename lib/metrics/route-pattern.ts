/**
 * The route's file pattern from a matched URL and its params (`/api/v1/products/abc` with
 * { productId: "abc" } → `/api/v1/products/[productId]`), so a metric label takes one value per
 * route rather than one per URL. A route handler is told its params but not its pattern.
 */
export function routePattern(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const segments = pathname.split("/");
  const decoded = segments.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      // A catch-all: the run of segments that spells its value, from the end (it is always last).
      if (value.length === 0) continue;
      const start = decoded.length - value.length;
      if (start > 0 && value.every((v, i) => decoded[start + i] === v)) {
        segments.splice(start, value.length, `[...${name}]`);
        decoded.splice(start, value.length, `[...${name}]`);
      }
      continue;
    }
    // From the end: a static segment earlier in the path may happen to equal the value.
    const at = decoded.lastIndexOf(value);
    if (at > 0) {
      segments[at] = `[${name}]`;
      decoded[at] = `[${name}]`;
    }
  }
  return segments.join("/");
}
