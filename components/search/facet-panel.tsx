"use client";

// The filter sidebar: always shown beside the results on wide screens, behind a
// "Filters" button on phones.
import { useState, type ReactNode } from "react";

export function FacetPanel({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="search-filters"
        onClick={() => setOpen((o) => !o)}
        className="mb-3 inline-flex w-full items-center justify-between rounded-md border border-gray-300 bg-white px-4 py-2 text-sm font-semibold lg:hidden"
      >
        <span>Filters{activeCount ? ` (${activeCount})` : ""}</span>
        <span aria-hidden>{open ? "▲" : "▼"}</span>
      </button>
      <div id="search-filters" className={`${open ? "block" : "hidden"} lg:block`}>
        {children}
      </div>
    </div>
  );
}
