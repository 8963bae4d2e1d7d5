"use client";

import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";

import { updateStockAction, type UpdateStockState } from "./actions";

export type StockRowProduct = {
  id: string;
  title: string;
  statusLabel: string;
  inventoryCount: number;
  lowStockThreshold: number;
  low: boolean;
};

const INITIAL: UpdateStockState = { ok: false, message: "", errors: {} };
const INPUT = "w-28 rounded-md border px-2 py-1.5 text-sm tabular-nums shadow-sm focus:border-brand-500";

/** One product's row on the stock page: edit its count and low-stock level in place. */
export function StockRow({ product }: { product: StockRowProduct }) {
  const [state, dispatch, pending] = useActionState(updateStockAction, INITIAL);
  const [count, setCount] = useState(String(product.inventoryCount));
  const [threshold, setThreshold] = useState(String(product.lowStockThreshold));
  const [edited, setEdited] = useState(false);
  // A save (or an import) re-renders the page with fresh numbers: show them.
  const [shown, setShown] = useState({ count: product.inventoryCount, threshold: product.lowStockThreshold });
  if (shown.count !== product.inventoryCount || shown.threshold !== product.lowStockThreshold) {
    setShown({ count: product.inventoryCount, threshold: product.lowStockThreshold });
    setCount(String(product.inventoryCount));
    setThreshold(String(product.lowStockThreshold));
  }

  const formId = `stock-${product.id}`;
  const messageId = `${formId}-message`;
  const showMessage = !edited && !pending && state.message !== "";
  const countError = showMessage && !state.ok && (state.errors.count || !state.errors.lowStockThreshold);
  const thresholdError = showMessage && !state.ok && Boolean(state.errors.lowStockThreshold);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setEdited(false);
    startTransition(() => dispatch(data));
  }

  return (
    <tr className="align-top">
      <th scope="row" className="px-3 py-3 text-left font-medium">
        <span className="block max-w-xs break-words">{product.title}</span>
        <span className="mt-1 block text-xs font-normal text-muted">{product.statusLabel}</span>
      </th>
      <td className="px-3 py-3">
        <StockBadge count={product.inventoryCount} low={product.low} />
      </td>
      <td className="px-3 py-3">
        <label htmlFor={`${formId}-count`} className="sr-only">
          Stock for {product.title}
        </label>
        <input
          id={`${formId}-count`}
          form={formId}
          name="count"
          type="number"
          inputMode="numeric"
          min={0}
          max={1_000_000}
          step={1}
          required
          value={count}
          onChange={(e) => {
            setCount(e.target.value);
            setEdited(true);
          }}
          aria-invalid={countError ? true : undefined}
          aria-describedby={showMessage ? messageId : undefined}
          className={`${INPUT} ${countError ? "border-red-600" : "border-gray-300"}`}
        />
      </td>
      <td className="px-3 py-3">
        <label htmlFor={`${formId}-threshold`} className="sr-only">
          Low-stock alert level for {product.title}
        </label>
        <input
          id={`${formId}-threshold`}
          form={formId}
          name="lowStockThreshold"
          type="number"
          inputMode="numeric"
          min={0}
          max={100_000}
          step={1}
          value={threshold}
          onChange={(e) => {
            setThreshold(e.target.value);
            setEdited(true);
          }}
          aria-invalid={thresholdError ? true : undefined}
          aria-describedby={showMessage ? messageId : undefined}
          className={`${INPUT} ${thresholdError ? "border-red-600" : "border-gray-300"}`}
        />
      </td>
      <td className="px-3 py-3">
        <form id={formId} onSubmit={onSubmit} noValidate>
          <input type="hidden" name="productId" value={product.id} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Saving…" : "Save"}
            <span className="sr-only"> stock for {product.title}</span>
          </Button>
        </form>
        <p
          id={messageId}
          aria-live="polite"
          className={`mt-1 max-w-[14rem] text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}
        >
          {showMessage ? state.message : ""}
        </p>
      </td>
      <td className="px-3 py-3">
        <Link href={`/seller/inventory/${product.id}`} className="text-sm font-medium text-brand-700 underline">
          History<span className="sr-only"> of {product.title}</span>
        </Link>
      </td>
    </tr>
  );
}

function StockBadge({ count, low }: { count: number; low: boolean }) {
  if (!low) return <span className="whitespace-nowrap text-xs text-muted">In stock</span>;
  const [label, tone] =
    count === 0 ? ["Out of stock", "bg-red-100 text-red-800"] : ["Low stock", "bg-amber-100 text-amber-900"];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}
    >
      <span aria-hidden="true">⚠</span> {label}
    </span>
  );
}
