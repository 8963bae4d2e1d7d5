"use client";

// A signed-out visitor's recently viewed listings, kept in their browser (localStorage): the
// server never sees who they are, and the cached product page cannot set a cookie per view.
// Signed-in buyers' are stored on the server from the product-view beacon instead.
const KEY = "marketplace:recently-viewed";
const KEPT = 12;

export function readRecentlyViewed(): string[] {
  try {
    const raw = JSON.parse(window.localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === "string").slice(0, KEPT) : [];
  } catch {
    return [];
  }
}

export function noteRecentlyViewed(productId: string): void {
  try {
    const next = [productId, ...readRecentlyViewed().filter((id) => id !== productId)].slice(0, KEPT);
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: nothing remembered.
  }
}
