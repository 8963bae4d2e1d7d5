import type { ReactNode } from "react";

import { SideNav } from "@/components/layout/side-nav";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentCartCount } from "@/lib/cart/current-cart-count";
import { countUnreadConversations } from "@/lib/messages/list-conversations";

const NAV = [
  { href: "/seller", label: "Overview" },
  { href: "/seller/products", label: "Listings" },
  { href: "/seller/inventory", label: "Inventory" },
  { href: "/seller/orders", label: "Orders" },
  { href: "/seller/messages", label: "Messages" },
  { href: "/seller/returns", label: "Returns" },
  { href: "/seller/shop", label: "Shop page" },
  { href: "/seller/shipping", label: "Shipping" },
  { href: "/seller/payments", label: "Payments" },
  { href: "/seller/analytics", label: "Analytics" },
];

// Display only: each seller page checks the role itself in page.tsx.
export default async function SellerLayout({ children }: { children: ReactNode }) {
  const [user, cartCount] = await Promise.all([getCurrentUser(), currentCartCount()]);
  const unread = user?.sellerId
    ? (await countUnreadConversations({ userId: user.id, sellerId: user.sellerId })).seller
    : 0;
  const nav = NAV.map((item) => (item.href === "/seller/messages" ? { ...item, badge: unread } : item));
  return (
    <>
      {/* A packing slip prints without the dashboard around it. */}
      <div className="contents print:hidden">
        <SiteHeader user={user} cartCount={cartCount} />
      </div>
      <div className="mx-auto flex max-w-7xl flex-col md:flex-row">
        <div className="contents print:hidden">
          <SideNav title="Seller dashboard" items={nav} />
        </div>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </>
  );
}
