/** The parts of Next's build manifests that say which URL paths are pages, and their patterns. */
export type PageManifests = {
  /** `.next/routes-manifest.json`: every route's pattern (`page`) and the regex its URLs match. */
  routes: { staticRoutes: { page: string }[]; dynamicRoutes: { page: string; regex: string }[] };
  /** `.next/app-path-routes-manifest.json`: app entries (`/(storefront)/products/[id]/page`) to their patterns. */
  appPaths: Record<string, string>;
};

/**
 * A function from a URL path to the pattern of the page it renders (`/products/abc` →
 * `/products/[productId]`), or null when no page answers it (a route handler, a static file,
 * an unknown path): a metric label takes one value per page, never the raw URL. Route
 * handlers are left out: apiRoute measures its own, with the pattern from its params.
 */
export function pagePattern(manifests: PageManifests): (pathname: string) => string | null {
  const pages = new Set(
    Object.entries(manifests.appPaths)
      .filter(([entry]) => entry.endsWith("/page"))
      .map(([, pattern]) => pattern),
  );
  const statics = new Set(manifests.routes.staticRoutes.map((r) => r.page).filter((p) => pages.has(p)));
  // Next lists dynamic routes most specific first, the order it matches them in.
  const dynamics = manifests.routes.dynamicRoutes
    .filter((r) => pages.has(r.page))
    .map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    if (statics.has(path)) return path;
    return dynamics.find((d) => d.regex.test(pathname))?.page ?? null;
  };
}
