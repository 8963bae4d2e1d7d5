"use client";

import { useActionState, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ImageUploader } from "@/components/uploads/image-uploader";

import { VariantsEditor, type VariantRow } from "./variants-editor";

export type ListingFormValues = {
  title: string;
  description: string;
  categoryId: number | null;
  price: string;
  currency: string;
  inventoryCount: number;
  attributes: Record<string, string>;
  /** Up to three options and one row per combination; none for a listing sold as one item. */
  options: { name: string; values: string[] }[];
  variants: VariantRow[];
  images: { uploadId: string; url: string; width: number; height: number }[];
  /** "" for the shop's default profile. */
  shippingProfileId: string;
};

export type ShippingProfileOption = { id: string; name: string; currency: string; isDefault: boolean };

type State = { error?: string; fields?: Record<string, string>; message?: string };
type CategoryOption = { id: number; label: string; suggestedAttributes: string[] };

/** Create or edit a listing. "Save draft" keeps it private; "Submit for review" sends it to moderation. */
export function ListingForm({
  action,
  categories,
  initial,
  currencies,
  shippingProfiles,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  categories: CategoryOption[];
  initial: ListingFormValues;
  currencies: readonly string[];
  shippingProfiles: ShippingProfileOption[];
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, {});
  const [categoryId, setCategoryId] = useState<number | null>(initial.categoryId);
  const suggested = categories.find((c) => c.id === categoryId)?.suggestedAttributes ?? [];
  const [extra, setExtra] = useState<{ key: string; value: string }[]>(() =>
    Object.entries(initial.attributes)
      .filter(([k]) => !suggested.includes(k))
      .map(([key, value]) => ({ key, value })),
  );
  const f = state.fields ?? {};
  // A listing with variants is priced and stocked by them: the listing-wide fields go.
  const [hasVariants, setHasVariants] = useState(initial.options.length > 0);
  return (
    <form action={formAction} className="space-y-6">
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <section className="space-y-4 rounded-xl border border-gray-200 bg-white p-5">
        <Field label="Title" name="title" defaultValue={initial.title} required maxLength={200} error={f.title} />
        <div className="flex flex-col gap-1">
          <label htmlFor="description" className="text-sm font-medium">
            Description
          </label>
          <textarea
            id="description"
            name="description"
            rows={6}
            maxLength={20000}
            defaultValue={initial.description}
            aria-describedby="description-hint"
            className="rounded-md border border-gray-300 px-3 py-2 text-sm"
          />
          <p id="description-hint" className="text-xs text-muted">
            Plain text. **bold**, *italic*, lines starting with &quot;- &quot; for lists and &quot;## &quot; for
            headings.
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="categoryId" className="text-sm font-medium">
            Category
          </label>
          <select
            id="categoryId"
            name="categoryId"
            required
            value={categoryId ?? ""}
            onChange={(e) => setCategoryId(Number(e.target.value) || null)}
            aria-invalid={f.categoryId ? true : undefined}
            className="rounded-md border border-gray-300 px-3 py-2 text-sm"
          >
            <option value="">Choose a category…</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {f.categoryId ? <p className="text-sm text-red-700">{f.categoryId}</p> : null}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          {hasVariants ? null : (
            <Field
              label="Price"
              name="price"
              inputMode="decimal"
              defaultValue={initial.price}
              required
              placeholder="19.99"
              error={f.priceCents}
            />
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor="currency" className="text-sm font-medium">
              Currency
            </label>
            <select
              id="currency"
              name="currency"
              defaultValue={initial.currency}
              className="rounded-md border border-gray-300 px-3 py-2 text-sm"
            >
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </div>
          {hasVariants ? null : (
            <Field
              label="Stock"
              name="inventoryCount"
              type="number"
              min={0}
              max={1000000}
              defaultValue={initial.inventoryCount}
              error={f.inventoryCount}
            />
          )}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="shippingProfileId" className="text-sm font-medium">
            Shipping profile
          </label>
          <select
            id="shippingProfileId"
            name="shippingProfileId"
            defaultValue={initial.shippingProfileId}
            aria-invalid={!!f.shippingProfileId}
            aria-describedby={f.shippingProfileId ? "shippingProfileId-error" : undefined}
            className="rounded-md border border-gray-300 px-3 py-2 text-sm sm:max-w-sm"
          >
            <option value="">Shop default ({shippingProfiles.find((p) => p.isDefault)?.name ?? "none"})</option>
            {shippingProfiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.currency})
              </option>
            ))}
          </select>
          {f.shippingProfileId ? (
            <p id="shippingProfileId-error" className="text-sm text-red-700">
              {f.shippingProfileId}
            </p>
          ) : null}
        </div>
      </section>

      <section className="space-y-3 rounded-xl border border-gray-200 bg-white p-5" aria-labelledby="photos-heading">
        <h2 id="photos-heading" className="font-semibold">
          Photos
        </h2>
        <p className="text-sm text-muted">
          Up to 10 JPEG, PNG, WebP or GIF images, 15 MB each. The first one is the cover.
        </p>
        <ImageUploader purpose="product_image" initial={initial.images} max={10} name="images" />
        {f.images ? <p className="text-sm text-red-700">{f.images}</p> : null}
      </section>

      <VariantsEditor
        initialOptions={initial.options}
        initialVariants={initial.variants}
        defaultPrice={initial.price}
        errors={f}
        onHasVariants={setHasVariants}
      />

      <section
        className="space-y-3 rounded-xl border border-gray-200 bg-white p-5"
        aria-labelledby="attributes-heading"
      >
        <h2 id="attributes-heading" className="font-semibold">
          Attributes
        </h2>
        {suggested.length > 0 ? (
          <div className="grid gap-3 sm:grid-cols-2">
            {suggested.map((key) => (
              <div key={key} className="flex flex-col gap-1">
                <input type="hidden" name="attrKey" value={key} />
                <label htmlFor={`attr-${key}`} className="text-sm font-medium capitalize">
                  {key}
                </label>
                <input
                  id={`attr-${key}`}
                  name="attrValue"
                  defaultValue={initial.attributes[key] ?? ""}
                  maxLength={200}
                  className="rounded-md border border-gray-300 px-3 py-2 text-sm"
                />
              </div>
            ))}
          </div>
        ) : (
          <p className="text-sm text-muted">Choose a category to see the usual attributes.</p>
        )}
        {extra.map((row, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <Field
              label="Attribute"
              name="attrKey"
              value={row.key}
              onChange={(e) => setExtra(extra.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))}
              maxLength={50}
              id={`extra-key-${i}`}
            />
            <Field
              label="Value"
              name="attrValue"
              value={row.value}
              onChange={(e) => setExtra(extra.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
              maxLength={200}
              id={`extra-value-${i}`}
            />
            <Button
              type="button"
              variant="ghost"
              onClick={() => setExtra(extra.filter((_, j) => j !== i))}
              aria-label={`Remove attribute ${row.key || i + 1}`}
            >
              Remove
            </Button>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setExtra([...extra, { key: "", value: "" }])}>
          Add an attribute
        </Button>
      </section>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="submit" disabled={pending}>
          {pending ? "Saving…" : "Submit for review"}
        </Button>
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
          Save draft
        </Button>
      </div>
    </form>
  );
}
