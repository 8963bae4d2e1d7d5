import type { ReactNode } from "react";

import { StorefrontShell } from "@/components/layout/storefront-shell";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentCartCount } from "@/lib/cart/current-cart-count";

export default async function StorefrontLayout({ children }: { children: ReactNode }) {
  const [user, cartCount] = await Promise.all([getCurrentUser(), currentCartCount()]);
  return (
    <StorefrontShell user={user} cartCount={cartCount}>
      {children}
    </StorefrontShell>
  );
}
