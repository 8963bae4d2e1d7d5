"use client";

// Prices in the visitor's currency, beside the seller's. Done in the browser on purpose: product
// and category pages are cached for everyone, so the server must render the same HTML whatever
// the visitor chose. The rates come once per page load from /api/v1/exchange-rates; the
// choice lives in a cookie (a year) and, until made, follows the browser's locale.
import { useSyncExternalStore } from "react";

import {
  currencyForLocale,
  DISPLAY_CURRENCIES,
  DISPLAY_CURRENCY_COOKIE,
  parseDisplayCurrency,
} from "@/lib/fx/display-currency";
import { convertCents, type RateTable } from "@/lib/fx/rate-math";
import { formatMoney } from "@/lib/money/format-money";

type Snapshot = { currency: string; rates: RateTable | null; asOf: string | null };

let snapshot: Snapshot | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function emit(next: Snapshot) {
  snapshot = next;
  for (const l of listeners) l();
}

function chosenCurrency(): string {
  return parseDisplayCurrency(document.cookie) ?? currencyForLocale(navigator.language);
}

function load() {
  loading ??= fetch("/api/v1/exchange-rates", { headers: { accept: "application/json" } })
    .then((res) => (res.ok ? (res.json() as Promise<{ rates: RateTable; as_of: string | null }>) : null))
    .then((body) => {
      if (body) emit({ ...(snapshot ?? { currency: chosenCurrency() }), rates: body.rates, asOf: body.as_of });
    })
    // Without rates the seller's price alone shows; nothing else depends on this.
    .catch(() => undefined);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  load();
  return () => listeners.delete(listener);
}

function getSnapshot(): Snapshot {
  snapshot ??= { currency: chosenCurrency(), rates: null, asOf: null };
  return snapshot;
}

const SERVER: Snapshot = { currency: "", rates: null, asOf: null };

function useDisplayCurrency(): Snapshot {
  return useSyncExternalStore(subscribe, getSnapshot, () => SERVER);
}

/** " ≈ €12.34" when the visitor's currency is not the price's; nothing otherwise. */
export function ApproxPrice({
  cents,
  currency,
  className = "",
}: {
  cents: number;
  currency: string;
  className?: string;
}) {
  const { currency: target, rates, asOf } = useDisplayCurrency();
  if (!rates || !target || target === currency || !rates[target] || !rates[currency]) return null;
  const approx = formatMoney(convertCents(cents, currency, target, rates), target, navigator.language);
  return (
    <span className={`text-muted ${className}`} title={asOf ? `At the reference rate of ${asOf}` : undefined}>
      {" "}
      ≈ {approx}
    </span>
  );
}

/** The footer's currency choice. */
export function CurrencyPicker() {
  const { currency } = useDisplayCurrency();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="display-currency" className="text-sm text-muted">
        Show prices in
      </label>
      <select
        id="display-currency"
        value={currency}
        onChange={(e) => {
          const next = e.target.value;
          document.cookie = `${DISPLAY_CURRENCY_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
          emit({ ...getSnapshot(), currency: next });
        }}
        className="rounded-md border border-gray-300 px-2 py-1 text-sm"
      >
        {currency === "" ? <option value="">…</option> : null}
        {DISPLAY_CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
}
