"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

export type ShipToOption = { id: string; label: string };

/**
 * Which saved address the cart quotes shipping to: choosing another re-renders the page on
 * the server with ?address=, so shipping and delivery dates follow without a reload.
 */
export function ShipToPicker({ addresses, selectedId }: { addresses: ShipToOption[]; selectedId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="ship-to" className="text-sm font-medium">
        Ship to
      </label>
      <select
        id="ship-to"
        value={selectedId}
        aria-busy={pending}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set("address", e.target.value);
          startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }));
        }}
        className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
      >
        {addresses.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </div>
  );
}
