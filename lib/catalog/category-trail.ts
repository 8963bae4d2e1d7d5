/**
 * The categories from the root down to `path`, each with its display name: what a breadcrumb
 * shows. A path segment with no category (deleted since the page was cached) is left out
 * rather than shown as a slug.
 */
export function categoryTrail(
  all: readonly { name: string; path: string }[],
  path: string,
): { name: string; path: string }[] {
  const byPath = new Map(all.map((c) => [c.path, c]));
  const parts = path.split("/");
  return parts.flatMap((_, i) => {
    const c = byPath.get(parts.slice(0, i + 1).join("/"));
    return c ? [{ name: c.name, path: c.path }] : [];
  });
}
