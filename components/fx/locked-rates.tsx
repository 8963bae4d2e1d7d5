import type { FxLock, LockedRate } from "@/lib/fx/convert-checkout";

const SOURCES: Record<string, string> = { ecb: "ECB reference rate", admin: "marketplace rate" };

/** "ECB reference rate of Dec 2, 2026", in the viewer's locale (the day is a calendar date: UTC). */
function rateOrigin(r: Pick<LockedRate, "source" | "asOf">, locale?: string): string {
  const source = r.source
    .split("+")
    .map((s) => SOURCES[s] ?? s)
    .join(" and ");
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${r.asOf}T00:00:00Z`),
  );
  return `${source} of ${day}`;
}

/**
 * The exchange rates a checkout uses, one line per shop currency: "1 USD = 0.9513 EUR (ECB
 * reference rate of Dec 2, 2026)". With `lockedAt`, when the rates were locked (the order's);
 * without, today's, which placing the order locks.
 */
export function LockedRates(props: { rates: LockedRate[]; lockedAt?: string | null; locale?: string }) {
  if (props.rates.length === 0) return null;
  const locked = props.lockedAt
    ? new Intl.DateTimeFormat(props.locale, { dateStyle: "medium", timeStyle: "short" }).format(
        new Date(props.lockedAt),
      )
    : null;
  return (
    <div className="text-xs text-muted" data-testid="exchange-rates">
      <ul>
        {props.rates.map((r) => (
          <li key={`${r.from}-${r.to}`}>
            1 {r.from} = {Number(r.rate).toLocaleString(props.locale, { maximumFractionDigits: 4 })} {r.to} (
            {rateOrigin(r, props.locale)})
          </li>
        ))}
      </ul>
      <p>{locked ? `Rates locked ${locked}.` : "Placing the order locks these rates."}</p>
    </div>
  );
}

/** The lock a checkout row keeps (fx_rates), or null. */
export function readFxLock(json: unknown): FxLock | null {
  const v = json as FxLock | null;
  return v && Array.isArray(v.rates) ? v : null;
}
