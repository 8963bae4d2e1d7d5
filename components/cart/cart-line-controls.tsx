"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Quantity and remove for one cart line; never offers more than the stock on hand. */
export function CartLineControls({
  productId,
  variantId = null,
  title,
  quantity,
  max,
}: {
  productId: string;
  /** The line's variant, for a listing with variants (title then names it). */
  variantId?: string | null;
  title: string;
  quantity: number;
  max: number;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function send(method: "PATCH" | "DELETE", q?: number) {
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/v1/cart/items/${productId}${variantId ? `?variant_id=${variantId}` : ""}`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "PATCH" ? JSON.stringify({ quantity: q }) : undefined,
    });
    setBusy(false);
    if (!res.ok)
      setError(
        ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ??
          "Could not update your cart.",
      );
    router.refresh();
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={`qty-${variantId ?? productId}`} className="sr-only">
        Quantity of {title}
      </label>
      <select
        id={`qty-${variantId ?? productId}`}
        value={Math.min(quantity, Math.max(max, 1))}
        disabled={busy || max === 0}
        onChange={(e) => send("PATCH", Number(e.target.value))}
        className="rounded-md border border-gray-300 px-2 py-1 text-sm"
      >
        {Array.from({ length: Math.max(1, Math.min(max, 99)) }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => send("DELETE")}
        disabled={busy}
        className="text-sm text-red-700 underline"
        aria-label={`Remove ${title} from cart`}
      >
        Remove
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
