"use client";

import { useEffect, useId, useState } from "react";

import { AddToCart } from "@/components/cart/add-to-cart";
import { inventoryStatus } from "@/lib/catalog/inventory-status";
import { formatMoney } from "@/lib/money/format-money";

import { StockStatus } from "./stock-status";

type Variant = { id: string; options: string[]; label: string; priceCents: number; inventoryCount: number };

/**
 * The buy box of a listing with variants: one radio group per option (a fieldset whose legend
 * names it), the chosen variant's price and stock, and "Add to cart" for that variant. With
 * `live`, the stock shown at render is replaced by the current counts from the stock API (the
 * cached page for signed-out visitors). Starts on the first variant in stock.
 */
export function VariantPicker({
  productId,
  options,
  variants,
  currency,
  lowStockThreshold,
  live = false,
}: {
  productId: string;
  options: { name: string; values: string[] }[];
  variants: Variant[];
  currency: string;
  lowStockThreshold: number;
  live?: boolean;
}) {
  const id = useId();
  const [stock, setStock] = useState<Map<string, number> | null>(null);
  const countOf = (v: Variant) => stock?.get(v.id) ?? v.inventoryCount;
  const [chosen, setChosen] = useState<string[]>(
    () => (variants.find((v) => v.inventoryCount > 0) ?? variants[0])?.options ?? options.map((o) => o.values[0]),
  );
  useEffect(() => {
    if (!live) return;
    const ctrl = new AbortController();
    fetch(`/api/v1/products/${productId}/stock`, { signal: ctrl.signal, cache: "no-store" })
      .then((r) =>
        r.ok ? (r.json() as Promise<{ variants: { variant_id: string; inventory_count: number }[] }>) : null,
      )
      .then((b) => {
        if (b) setStock(new Map(b.variants.map((v) => [v.variant_id, v.inventory_count])));
      })
      .catch(() => {});
    return () => ctrl.abort();
  }, [live, productId]);

  const variant = variants.find((v) => v.options.every((value, i) => value === chosen[i]));
  const count = variant ? countOf(variant) : 0;
  // Whether choosing `value` for option `i` (keeping the other choices) leads to a variant in stock.
  const offered = (i: number, value: string) => {
    const v = variants.find((x) => x.options.every((val, j) => (j === i ? val === value : val === chosen[j])));
    return v ? countOf(v) > 0 : false;
  };

  return (
    <div className="space-y-4" data-stock={live ? (stock ? "live" : "cached") : undefined}>
      {options.map((o, i) => (
        <fieldset key={o.name}>
          <legend className="mb-2 text-sm font-medium">
            {o.name}: <span className="font-normal">{chosen[i]}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {o.values.map((value) => {
              const inputId = `${id}-${i}-${value}`;
              const inStock = offered(i, value);
              return (
                <div key={value}>
                  <input
                    type="radio"
                    id={inputId}
                    name={`${id}-${i}`}
                    value={value}
                    checked={chosen[i] === value}
                    onChange={() => setChosen((c) => c.map((x, j) => (j === i ? value : x)))}
                    className="peer sr-only"
                  />
                  <label
                    htmlFor={inputId}
                    className={`inline-block cursor-pointer rounded-md border px-3 py-1.5 text-sm peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:font-semibold peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 ${inStock ? "border-gray-300" : "border-dashed border-gray-300 text-muted line-through"}`}
                  >
                    {value}
                    {inStock ? null : <span className="sr-only"> (sold out)</span>}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {variant ? (
        <>
          <p className="text-xl font-semibold" aria-live="polite">
            <span className="sr-only">Price of {variant.label}: </span>
            {formatMoney(variant.priceCents, currency)}
          </p>
          <StockStatus status={inventoryStatus(count, lowStockThreshold)} count={count} />
          <AddToCart key={`${variant.id}:${count}`} productId={productId} variantId={variant.id} maxQuantity={count} />
        </>
      ) : (
        <p className="font-semibold text-red-700" role="status">
          This combination is not available.
        </p>
      )}
    </div>
  );
}
