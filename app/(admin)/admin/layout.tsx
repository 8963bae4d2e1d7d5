import type { ReactNode } from "react";

import { SideNav } from "@/components/layout/side-nav";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentCartCount } from "@/lib/cart/current-cart-count";

const NAV = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/listings", label: "Listings" },
  { href: "/admin/reviews", label: "Reviews" },
  { href: "/admin/messages", label: "Messages" },
  { href: "/admin/users", label: "Accounts" },
  { href: "/admin/disputes", label: "Disputes" },
  { href: "/admin/returns", label: "Returns" },
  { href: "/admin/claims", label: "Claims" },
  { href: "/admin/fraud", label: "Payment review" },
  { href: "/admin/fraud/links", label: "Account links" },
  { href: "/admin/money", label: "Money needing attention" },
  { href: "/admin/ledger", label: "Ledger" },
  { href: "/admin/exchange-rates", label: "Exchange rates" },
  { href: "/admin/tax", label: "Tax" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/mailbox", label: "Mailbox" },
  { href: "/admin/sms", label: "SMS inbox" },
  { href: "/admin/notifications", label: "Undelivered email" },
];

// Display only: each admin page checks the role itself in page.tsx.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [user, cartCount] = await Promise.all([getCurrentUser(), currentCartCount()]);
  return (
    <>
      <SiteHeader user={user} cartCount={cartCount} />
      <div className="mx-auto flex max-w-7xl flex-col md:flex-row">
        <SideNav title="Admin console" items={NAV} />
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </>
  );
}
