"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";

type MenuUser = { name: string | null; email: string; role: "buyer" | "seller" | "admin"; hasShop: boolean };

/** The header's account menu; a <details> disclosure so it opens with keyboard and without JS. */
export function AccountMenu({ user }: { user: MenuUser | null }) {
  if (!user) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link href="/sign-in" className="rounded-md px-3 py-2 font-medium hover:bg-gray-100">
          Sign in
        </Link>
        <Link
          href="/sign-up"
          className="hidden rounded-md bg-brand-600 px-3 py-2 font-semibold text-white hover:bg-brand-700 sm:inline-flex"
        >
          Create account
        </Link>
      </div>
    );
  }
  return (
    <details className="relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-3 py-2 text-sm font-medium hover:bg-gray-100"
        aria-label="Account menu"
      >
        <span
          aria-hidden
          className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 font-bold text-brand-700"
        >
          {(user.name ?? user.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-32 truncate sm:inline">{user.name ?? user.email}</span>
      </summary>
      <nav
        aria-label="Account"
        className="absolute right-0 z-20 mt-2 w-56 rounded-md border border-gray-200 bg-white py-1 text-sm shadow-lg"
      >
        <p className="truncate px-4 py-2 text-xs text-muted">{user.email}</p>
        <Link href="/account" className="block px-4 py-2 hover:bg-gray-50">
          My account
        </Link>
        <Link href="/orders" className="block px-4 py-2 hover:bg-gray-50">
          My orders
        </Link>
        <Link href="/favourites" className="block px-4 py-2 hover:bg-gray-50">
          Favourites
        </Link>
        <Link href="/messages" className="block px-4 py-2 hover:bg-gray-50">
          Messages
        </Link>
        <Link href="/account/notifications" className="block px-4 py-2 hover:bg-gray-50">
          Notification settings
        </Link>
        {user.hasShop ? (
          <Link href="/seller" className="block px-4 py-2 hover:bg-gray-50">
            Seller dashboard
          </Link>
        ) : (
          <Link href="/become-seller" className="block px-4 py-2 hover:bg-gray-50">
            Become a seller
          </Link>
        )}
        {user.role === "admin" ? (
          <Link href="/admin" className="block px-4 py-2 hover:bg-gray-50">
            Admin console
          </Link>
        ) : null}
        <button
          type="button"
          onClick={() => signOut({ callbackUrl: "/" })}
          className="block w-full px-4 py-2 text-left hover:bg-gray-50"
        >
          Sign out
        </button>
      </nav>
    </details>
  );
}
