import { Cell, DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { listExchangeRates } from "@/lib/fx/load-rate-table";
import { crossRate } from "@/lib/fx/rate-math";

import { setExchangeRateAction } from "./actions";
import { RateForm } from "./rate-form";

export const metadata = { title: "Exchange rates" };

export default async function ExchangeRatesPage() {
  await requirePageUser("/admin/exchange-rates", "admin");
  const rows = await listExchangeRates();
  const table = Object.fromEntries(rows.map((r) => [r.currency, r.perEur]));
  const feed = env().FX_RATES_URL;
  return (
    <div>
      <PageHeader
        title="Exchange rates"
        description={
          feed
            ? `Rates per euro, read from ${feed} by the worker at 15:20 and 17:20 UTC. A rate set here holds until the feed's next day.`
            : "Rates per euro, kept here by hand: no rates feed is configured (set FX_RATES_URL to the ECB daily file to have the worker keep them)."
        }
      />
      <DataTable
        caption="Exchange rates per euro"
        minWidth="md"
        columns={[
          { label: "Currency" },
          { label: "Per 1 EUR", align: "right" },
          { label: "1 USD in it", align: "right" },
          { label: "Source" },
          { label: "Reference day" },
          { label: "Updated" },
          { label: "Set by hand" },
        ]}
      >
        {rows.map((r) => (
          <tr key={r.currency}>
            <Cell className="font-semibold">{r.currency}</Cell>
            <Cell align="right" className="tabular-nums">
              {r.perEur}
            </Cell>
            <Cell align="right" className="tabular-nums">
              {table.USD ? crossRate("USD", r.currency, table, 4) : "—"}
            </Cell>
            <Cell>{r.source === "ecb" ? "ECB feed" : "Admin"}</Cell>
            <Cell nowrap>{r.asOf}</Cell>
            <Cell nowrap>
              <LocalTime iso={r.updatedAt.toISOString()} />
            </Cell>
            <Cell>
              {r.currency === "EUR" ? (
                <span className="text-sm text-muted">Always 1</span>
              ) : (
                <RateForm
                  currency={r.currency}
                  perEur={r.perEur}
                  action={setExchangeRateAction.bind(null, r.currency)}
                />
              )}
            </Cell>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
