import type { ReactNode } from "react";

import { StorefrontShell } from "@/components/layout/storefront-shell";

// Pages here are the same for every signed-out visitor without a cart (proxy.ts sends only
// those), so nothing reads cookies and they can be served from the page cache.
export default function AnonymousLayout({ children }: { children: ReactNode }) {
  return (
    <StorefrontShell user={null} cartCount={0}>
      {children}
    </StorefrontShell>
  );
}
