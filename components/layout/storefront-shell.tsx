import type { ReactNode } from "react";

import type { CurrentUser } from "@/lib/auth/current-user";

import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main and footer of every storefront page. */
export function StorefrontShell({
  user,
  cartCount,
  children,
}: {
  user: CurrentUser | null;
  cartCount: number;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader user={user} cartCount={cartCount} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
