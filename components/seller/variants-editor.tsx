"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";

export type VariantRow = { options: string[]; sku: string; price: string; inventoryCount: number | string };
type OptionRow = { name: string; values: string };

const MAX_OPTIONS = 3;

const splitValues = (s: string) =>
  s
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

// Every combination of the options' values, in the options' order.
function combinations(options: { values: string[] }[]): string[][] {
  return options.reduce<string[][]>((acc, o) => acc.flatMap((c) => o.values.map((v) => [...c, v])), [[]]);
}

/**
 * Options (up to three, each a name and its comma-separated values) and one row per
 * combination with its SKU, price and stock. Sends everything as one hidden JSON field,
 * `variantsJson`, which the server checks as a whole (errors come back by field, e.g.
 * "variants.2.sku"). `onChange` tells the form whether the listing now has variants, so it can
 * hide the listing-wide price and stock.
 */
export function VariantsEditor({
  initialOptions,
  initialVariants,
  defaultPrice,
  errors,
  onHasVariants,
}: {
  initialOptions: { name: string; values: string[] }[];
  initialVariants: VariantRow[];
  defaultPrice: string;
  errors: Record<string, string>;
  onHasVariants: (has: boolean) => void;
}) {
  const [options, setOptions] = useState<OptionRow[]>(() =>
    initialOptions.map((o) => ({ name: o.name, values: o.values.join(", ") })),
  );
  const [rows, setRows] = useState<Map<string, VariantRow>>(
    () => new Map(initialVariants.map((v) => [JSON.stringify(v.options), v])),
  );
  const parsed = options.map((o) => ({ name: o.name.trim(), values: splitValues(o.values) }));
  const combos = parsed.length && parsed.every((o) => o.values.length) ? combinations(parsed) : [];
  const variants = combos.map(
    (c) => rows.get(JSON.stringify(c)) ?? { options: c, sku: "", price: defaultPrice, inventoryCount: 0 },
  );
  const setRow = (v: VariantRow, patch: Partial<VariantRow>) =>
    setRows(new Map(rows).set(JSON.stringify(v.options), { ...v, ...patch }));
  const setOptionsAndTell = (next: OptionRow[]) => {
    setOptions(next);
    onHasVariants(next.length > 0);
  };
  const err = (key: string) => errors[key];
  const input = "rounded-md border border-gray-300 px-2 py-1.5 text-sm";

  return (
    <section className="space-y-4 rounded-xl border border-gray-200 bg-white p-5" aria-labelledby="variants-heading">
      <h2 id="variants-heading" className="font-semibold">
        Options and variants
      </h2>
      <p className="text-sm text-muted">
        Sizes, colours and the like: up to {MAX_OPTIONS} options. Each combination gets its own SKU, price and stock.
      </p>
      <input
        type="hidden"
        name="variantsJson"
        value={JSON.stringify({
          options: parsed,
          variants: variants.map((v) => ({
            options: v.options,
            sku: v.sku,
            price: v.price,
            inventoryCount: v.inventoryCount === "" ? null : v.inventoryCount,
          })),
        })}
      />
      {err("options") ? <p className="text-sm text-red-700">{err("options")}</p> : null}
      {options.map((o, i) => (
        <div key={i} className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`option-name-${i}`} className="text-sm font-medium">
              Option {i + 1} name
            </label>
            <input
              id={`option-name-${i}`}
              value={o.name}
              maxLength={50}
              placeholder="Size"
              aria-invalid={err(`options.${i}.name`) ? true : undefined}
              onChange={(e) => setOptionsAndTell(options.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
              className={input}
            />
          </div>
          <div className="flex min-w-60 flex-1 flex-col gap-1">
            <label htmlFor={`option-values-${i}`} className="text-sm font-medium">
              Option {i + 1} values (comma-separated)
            </label>
            <input
              id={`option-values-${i}`}
              value={o.values}
              placeholder="S, M, L"
              aria-invalid={err(`options.${i}.values`) ? true : undefined}
              onChange={(e) =>
                setOptionsAndTell(options.map((x, j) => (j === i ? { ...x, values: e.target.value } : x)))
              }
              className={input}
            />
          </div>
          <Button
            type="button"
            variant="ghost"
            onClick={() => setOptionsAndTell(options.filter((_, j) => j !== i))}
            aria-label={`Remove option ${o.name || i + 1}`}
          >
            Remove
          </Button>
          {err(`options.${i}.name`) || err(`options.${i}.values`) ? (
            <p className="w-full text-sm text-red-700">{err(`options.${i}.name`) ?? err(`options.${i}.values`)}</p>
          ) : null}
        </div>
      ))}
      <Button
        type="button"
        variant="secondary"
        disabled={options.length >= MAX_OPTIONS}
        onClick={() => setOptionsAndTell([...options, { name: "", values: "" }])}
      >
        Add an option
      </Button>
      {err("variants") ? <p className="text-sm text-red-700">{err("variants")}</p> : null}
      {variants.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Variants</caption>
            <thead>
              <tr className="text-left text-muted">
                <th scope="col" className="py-1 pr-2">
                  Variant
                </th>
                <th scope="col" className="py-1 pr-2">
                  SKU
                </th>
                <th scope="col" className="py-1 pr-2">
                  Price
                </th>
                <th scope="col" className="py-1">
                  Stock
                </th>
              </tr>
            </thead>
            <tbody>
              {variants.map((v, i) => {
                const label = v.options.join(" / ");
                const rowError =
                  err(`variants.${i}.sku`) ??
                  err(`variants.${i}.priceCents`) ??
                  err(`variants.${i}.inventoryCount`) ??
                  err(`variants.${i}.options`);
                return (
                  <tr key={label} className="border-t border-gray-100 align-top">
                    <th scope="row" className="py-2 pr-2 font-medium">
                      {label}
                      {rowError ? <p className="font-normal text-red-700">{rowError}</p> : null}
                    </th>
                    <td className="py-2 pr-2">
                      <input
                        aria-label={`SKU for ${label}`}
                        value={v.sku}
                        maxLength={64}
                        aria-invalid={err(`variants.${i}.sku`) ? true : undefined}
                        onChange={(e) => setRow(v, { sku: e.target.value })}
                        className={`${input} w-32`}
                      />
                    </td>
                    <td className="py-2 pr-2">
                      <input
                        aria-label={`Price for ${label}`}
                        value={v.price}
                        inputMode="decimal"
                        aria-invalid={err(`variants.${i}.priceCents`) ? true : undefined}
                        onChange={(e) => setRow(v, { price: e.target.value })}
                        className={`${input} w-24`}
                      />
                    </td>
                    <td className="py-2">
                      <input
                        aria-label={`Stock for ${label}`}
                        type="number"
                        value={v.inventoryCount}
                        aria-invalid={err(`variants.${i}.inventoryCount`) ? true : undefined}
                        onChange={(e) =>
                          setRow(v, { inventoryCount: e.target.value === "" ? "" : Number(e.target.value) })
                        }
                        className={`${input} w-24`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
