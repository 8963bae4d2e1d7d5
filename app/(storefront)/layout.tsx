import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentCartCount } from "@/lib/cart/read-current-cart";

export default async function StorefrontLayout({ children }: { children: ReactNode }) {
  const [user, cartCount] = await Promise.all([getCurrentUser(), currentCartCount()]);
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
