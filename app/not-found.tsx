import { LostVisitorHelp } from "@/components/catalog/lost-visitor-help";
import { StorefrontShell } from "@/components/layout/storefront-shell";

export const metadata = { title: "Page not found", robots: { index: false } };

// Rendered outside every route group's layout, so it brings the storefront's header and footer
// itself. Signed out on purpose: it also answers inside cached pages (a product that never
// existed), where reading the session cookie is not allowed.
export default function NotFound() {
  return (
    <StorefrontShell user={null} cartCount={0}>
      <div className="mx-auto max-w-xl py-12 text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-bold">We couldn&apos;t find that page</h1>
        <p className="mt-2 text-muted">
          The link may be old or mistyped. Search for what you wanted, or start from a category.
        </p>
        <LostVisitorHelp />
      </div>
    </StorefrontShell>
  );
}
