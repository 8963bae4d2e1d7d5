"use client";

// The signed-in buyer's saved listing ids, shared by every heart on the page: one request for
// all of them (GET /api/v1/me/favourites), read in the browser because cards and product pages
// may come from the page cache. A tiny external store for useSyncExternalStore rather than a
// context, so a heart works wherever a card is rendered, without a provider above it.
import { useEffect, useSyncExternalStore } from "react";

export type FavouritesState = { status: "loading" | "signed-out" | "ready"; ids: ReadonlySet<string> };

const INITIAL: FavouritesState = { status: "loading", ids: new Set() };
// Read again when a heart mounts after this long (another tab may have changed them, or the
// visitor signed in).
const FRESH_MS = 30_000;

let state: FavouritesState = INITIAL;
let loadedAt = 0;
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: FavouritesState) {
  state = next;
  for (const l of listeners) l();
}

function load(): void {
  // Signed out is asked again on every mount: the visitor may have just signed in.
  if (inFlight || (state.status === "ready" && Date.now() - loadedAt < FRESH_MS)) return;
  inFlight = fetch("/api/v1/me/favourites", { cache: "no-store", credentials: "same-origin" })
    .then(async (r) => {
      if (r.status === 401) return set({ status: "signed-out", ids: new Set() });
      if (!r.ok) return set({ status: "ready", ids: state.ids });
      const body = (await r.json()) as { product_ids: string[] };
      set({ status: "ready", ids: new Set(body.product_ids) });
    })
    .catch(() => set({ status: state.status === "loading" ? "ready" : state.status, ids: state.ids }))
    .finally(() => {
      loadedAt = Date.now();
      inFlight = null;
    });
}

/** Marks one listing saved or not (the heart's optimistic update, or its undo). */
export function markFavourite(productId: string, favourite: boolean): void {
  const ids = new Set(state.ids);
  if (favourite) ids.add(productId);
  else ids.delete(productId);
  set({ status: "ready", ids });
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useFavourites(): FavouritesState {
  useEffect(load, []);
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => INITIAL,
  );
}
