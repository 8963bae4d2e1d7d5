import type { ReactNode } from "react";

import { SideNav } from "@/components/layout/side-nav";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentCartCount } from "@/lib/cart/current-cart-count";

const NAV = [
  { href: "/seller", label: "Overview" },
  { href: "/seller/products", label: "Listings" },
  { href: "/seller/inventory", label: "Inventory" },
  { href: "/seller/orders", label: "Orders" },
  { href: "/seller/returns", label: "Returns" },
  { href: "/seller/shipping", label: "Shipping" },
  { href: "/seller/payments", label: "Payments" },
  { href: "/seller/analytics", label: "Analytics" },
];

// Display only: each seller page checks the role itself in page.tsx.
export default async function SellerLayout({ children }: { children: ReactNode }) {
  const [user, cartCount] = await Promise.all([getCurrentUser(), currentCartCount()]);
  return (
    <>
      <SiteHeader user={user} cartCount={cartCount} />
      <div className="mx-auto flex max-w-7xl flex-col md:flex-row">
        <SideNav title="Seller dashboard" items={NAV} />
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </>
  );
}
