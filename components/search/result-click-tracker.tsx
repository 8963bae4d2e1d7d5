"use client";

// Reports which search result a buyer opened (for ranking and seller analytics) with
// navigator.sendBeacon, which survives the navigation the click starts.
import type { ReactNode } from "react";

export function ResultClickTracker({ query, children }: { query: string; children: ReactNode }) {
  const report = (target: EventTarget | null) => {
    if (!query || !(target instanceof Element) || !target.closest("a")) return;
    const card = target.closest<HTMLElement>("[data-search-product]");
    if (!card || typeof navigator.sendBeacon !== "function") return;
    const body = JSON.stringify({
      events: [
        { kind: "click", query, product_id: card.dataset.searchProduct, position: Number(card.dataset.searchPosition) },
      ],
    });
    navigator.sendBeacon("/api/v1/search/events", new Blob([body], { type: "application/json" }));
  };
  return (
    <div onClick={(e) => report(e.target)} onAuxClick={(e) => report(e.target)}>
      {children}
    </div>
  );
}
