"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

// The refresh after adding may swap a cached product page for the visitor's own (they now
// have a cart), which mounts this control anew: the confirmation is carried across.
let justAdded: { productId: string; variantId: string | null; at: number } | null = null;

/**
 * Quantity and "Add to cart" for a product page; never offers more than the stock shown.
 * variantId: the chosen variant of a listing with variants.
 */
export function AddToCart({
  productId,
  variantId = null,
  maxQuantity,
}: {
  productId: string;
  variantId?: string | null;
  maxQuantity: number;
}) {
  const router = useRouter();
  const [quantity, setQuantity] = useState(1);
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" | "error"; message?: string }>(() =>
    justAdded?.productId === productId && justAdded.variantId === variantId && Date.now() - justAdded.at < 10_000
      ? { kind: "done", message: "Added to your cart." }
      : { kind: "idle" },
  );
  if (maxQuantity <= 0)
    return (
      <button type="button" disabled className="w-full rounded-md bg-gray-300 px-4 py-3 font-semibold text-gray-700">
        Sold out
      </button>
    );

  async function add() {
    setState({ kind: "busy" });
    const res = await fetch("/api/v1/cart/items", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ product_id: productId, ...(variantId ? { variant_id: variantId } : {}), quantity }),
    });
    if (res.ok) {
      setState({ kind: "done", message: "Added to your cart." });
      justAdded = { productId, variantId, at: Date.now() };
      router.refresh();
    } else {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setState({ kind: "error", message: body?.error?.message ?? "Could not add to cart. Try again." });
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <label htmlFor="quantity" className="text-sm font-medium">
          Quantity
        </label>
        <select
          id="quantity"
          value={quantity}
          onChange={(e) => setQuantity(Number(e.target.value))}
          className="rounded-md border border-gray-300 px-2 py-1.5"
        >
          {Array.from({ length: Math.min(maxQuantity, 10) }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        onClick={add}
        disabled={state.kind === "busy"}
        className="w-full rounded-md bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {state.kind === "busy" ? "Adding…" : "Add to cart"}
      </button>
      {state.message ? (
        <p
          role={state.kind === "error" ? "alert" : "status"}
          className={`text-sm ${state.kind === "error" ? "text-red-700" : "text-green-800"}`}
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
