import Link from "next/link";

import { CurrencyPicker } from "@/components/fx/display-currency";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-gray-200 bg-white">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 text-sm sm:grid-cols-3">
        <div>
          <p className="font-bold text-brand-700">Marketplace</p>
          <p className="mt-2 text-muted">
            Independent sellers, one cart. Your payment is held until you confirm delivery.
          </p>
          <div className="mt-4">
            <CurrencyPicker />
          </div>
        </div>
        <nav aria-label="Shop">
          <p className="font-semibold">Shop</p>
          <ul className="mt-2 space-y-1 text-muted">
            <li>
              <Link href="/search" className="hover:underline">
                All products
              </Link>
            </li>
            <li>
              <Link href="/cart" className="hover:underline">
                Cart
              </Link>
            </li>
            <li>
              <Link href="/account" className="hover:underline">
                Your account
              </Link>
            </li>
          </ul>
        </nav>
        <nav aria-label="Sell">
          <p className="font-semibold">Sell</p>
          <ul className="mt-2 space-y-1 text-muted">
            <li>
              <Link href="/become-seller" className="hover:underline">
                Open a shop
              </Link>
            </li>
            <li>
              <Link href="/seller" className="hover:underline">
                Seller dashboard
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="border-t border-gray-100 py-4 text-center text-xs text-muted">
        Open-source multi-vendor marketplace
      </p>
    </footer>
  );
}
