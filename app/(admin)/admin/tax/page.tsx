import Link from "next/link";

import { Cell, DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterInput } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { countryName } from "@/lib/shipping/country-name";
import { listTaxCategories, listTaxRules } from "@/lib/tax/list-tax-rules";

import { addTaxRuleAction, endTaxRuleAction } from "./actions";
import { AddTaxRuleForm, EndTaxRuleForm } from "./tax-rule-forms";

export const metadata = { title: "Tax rules" };

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function TaxRulesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePageUser("/admin/tax", "admin");
  const { country: raw } = await searchParams;
  const country = raw && /^[A-Za-z]{2}$/.test(raw.trim()) ? raw.trim().toUpperCase() : undefined;
  const [rules, categories] = await Promise.all([listTaxRules({ country }), listTaxCategories()]);
  const today = day(new Date());
  const names = new Map(categories.map((c) => [c.slug, c.name]));
  return (
    <div className="space-y-8">
      <PageHeader
        title="Tax rules"
        description="The rates checkout charges by the buyer's address. A change applies to checkouts from its start day; orders keep the rate they were charged."
      />
      <p className="text-sm">
        <Link href="/admin/tax/report" className="font-medium text-brand-700 underline">
          Tax collected by jurisdiction (report and CSV)
        </Link>
      </p>
      <section aria-labelledby="add-rule" className="rounded-lg border border-gray-200 p-4">
        <h2 id="add-rule" className="mb-3 text-lg font-semibold">
          Add or change a rate
        </h2>
        <AddTaxRuleForm action={addTaxRuleAction} categories={categories} today={today} />
      </section>
      <section aria-labelledby="rules" className="space-y-3">
        <h2 id="rules" className="text-lg font-semibold">
          Rules
        </h2>
        <FilterBar label="Filter tax rules">
          <FilterInput
            id="rules-country"
            name="country"
            label="Country code"
            defaultValue={country ?? ""}
            maxLength={2}
          />
          <button type="submit" className="rounded-md border border-gray-300 px-3 py-2">
            Show
          </button>
        </FilterBar>
        <DataTable
          caption={country ? `Tax rules for ${countryName(country)}` : "Every tax rule"}
          minWidth="md"
          columns={[
            { label: "Where" },
            { label: "Category" },
            { label: "Tax" },
            { label: "Rate", align: "right" },
            { label: "In the price" },
            { label: "From" },
            { label: "Until" },
            { label: "End it" },
          ]}
        >
          {rules.map((r) => {
            const ended = r.validTo !== null && day(r.validTo) <= today;
            return (
              <tr key={r.id} className={ended ? "text-muted" : undefined}>
                <Cell>
                  {countryName(r.country)}
                  {r.region ? `, ${r.region}` : ""}
                </Cell>
                <Cell>{r.category ? (names.get(r.category) ?? r.category) : "Every other"}</Cell>
                <Cell>{r.label}</Cell>
                <Cell align="right" className="tabular-nums">
                  {(r.rateBps / 100).toFixed(2)}%
                </Cell>
                <Cell>{r.inclusive ? "Included" : "Added"}</Cell>
                <Cell nowrap>{day(r.validFrom)}</Cell>
                <Cell nowrap>{r.validTo ? `${day(r.validTo)} (exclusive)` : "—"}</Cell>
                <Cell>
                  {ended || r.validTo ? (
                    <span className="text-sm text-muted">{ended ? "Ended" : "Ending"}</span>
                  ) : (
                    <EndTaxRuleForm action={endTaxRuleAction.bind(null, r.id)} id={r.id} today={today} />
                  )}
                </Cell>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </div>
  );
}
