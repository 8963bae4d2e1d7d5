// Which requests get a CSP nonce: those for a page Next renders per request. A page Next renders
// once and keeps (prerendered at build, or ISR like the page cache's /anon/* routes) must not get
// one. With the shared cache handler (lib/cache) Next renders such a page on its first request
// with that request's headers and stores the HTML: a nonce in that request would be baked into
// the stored copy, and every later visitor's fresh nonce would refuse its scripts. Unknown
// addresses end in the prerendered 404 page, so they get no nonce either.
//
// The build's own manifests say which page answers an address and whether it is rendered once,
// so nothing here has to be kept in step with app/ by hand: routes-manifest.json lists every
// route with its regular expression (static routes first, then dynamic ones in Next's matching
// order) and prerender-manifest.json the pages rendered once.

type Route = { page: string; regex: string };
export type RoutesManifest = { staticRoutes: Route[]; dynamicRoutes: Route[] };
export type PrerenderManifest = {
  routes: Record<string, { srcRoute?: string | null }>;
  dynamicRoutes: Record<string, unknown>;
};

/** A test of a request path: true when the page that answers it is rendered per request. */
export function pageNonceMatcher(routes: RoutesManifest, prerender: PrerenderManifest): (pathname: string) => boolean {
  const renderedOnce = new Set([
    ...Object.keys(prerender.routes),
    ...Object.values(prerender.routes).flatMap((r) => (r.srcRoute ? [r.srcRoute] : [])),
    ...Object.keys(prerender.dynamicRoutes),
  ]);
  const staticPages = new Map(routes.staticRoutes.map((r) => [r.page, r]));
  const dynamic = routes.dynamicRoutes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    const path = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
    // Next matches a static route before any dynamic one.
    const page = staticPages.get(path)?.page ?? dynamic.find((r) => r.regex.test(path))?.page;
    return page !== undefined && !renderedOnce.has(page) && !renderedOnce.has(path);
  };
}
