import Link from "next/link";
import { Suspense } from "react";

import { SearchBox } from "@/components/search/search-box";
import type { CurrentUser } from "@/lib/auth/current-user";

import { AccountMenu } from "./account-menu";
import { HeaderInbox } from "./header-inbox";

const SEARCH_PLACEHOLDER = "Search products, brands and shops";

export function SiteHeader({ user, cartCount }: { user: CurrentUser | null; cartCount: number }) {
  return (
    <header className="sticky top-0 z-10 border-b border-gray-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3 sm:flex-nowrap">
        <Link href="/" className="text-xl font-extrabold tracking-tight text-brand-700">
          Marketplace
        </Link>
        <form action="/search" method="get" role="search" className="order-last w-full sm:order-none sm:mx-4 sm:flex-1">
          <label htmlFor="site-search" className="sr-only">
            Search products
          </label>
          <div className="flex">
            {/* Before hydration (and without JavaScript) a plain search field; then suggestions as you type. */}
            <Suspense
              fallback={
                <input
                  id="site-search"
                  name="q"
                  type="search"
                  placeholder={SEARCH_PLACEHOLDER}
                  maxLength={200}
                  className="w-full rounded-l-md border border-gray-300 px-3 py-2 text-sm focus:border-brand-500"
                />
              }
            >
              <SearchBox inputId="site-search" name="q" placeholder={SEARCH_PLACEHOLDER} maxLength={200} />
            </Suspense>
            <button
              type="submit"
              className="rounded-r-md bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
            >
              Search
            </button>
          </div>
        </form>
        <div className="ml-auto flex items-center gap-1">
          {user ? <HeaderInbox user={user} /> : null}
          <Link
            href="/cart"
            className="relative rounded-md px-3 py-2 text-sm font-medium hover:bg-gray-100"
            aria-label={`Cart, ${cartCount} ${cartCount === 1 ? "item" : "items"}`}
          >
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="inline h-5 w-5 align-text-bottom"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <circle cx="9" cy="20" r="1.5" />
              <circle cx="18" cy="20" r="1.5" />
              <path d="M2 3h3l2.7 12.2a2 2 0 0 0 2 1.6h7.8a2 2 0 0 0 1.9-1.4L22 8H6" />
            </svg>{" "}
            <span className="hidden sm:inline">Cart</span>
            {cartCount > 0 ? (
              <span
                aria-hidden
                className="absolute -right-1 -top-1 rounded-full bg-brand-600 px-1.5 text-xs font-bold text-white"
              >
                {cartCount}
              </span>
            ) : null}
          </Link>
          <AccountMenu
            user={
              user ? { name: user.name, email: user.email, role: user.role, hasShop: Boolean(user.sellerId) } : null
            }
          />
        </div>
      </div>
    </header>
  );
}
