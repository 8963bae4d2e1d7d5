"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import { addAddressAction, type AddressFormState } from "./actions";

const COUNTRIES: [string, string][] = [
  ["US", "United States"],
  ["CA", "Canada"],
  ["GB", "United Kingdom"],
  ["DE", "Germany"],
  ["FR", "France"],
  ["AU", "Australia"],
  ["NL", "Netherlands"],
  ["ES", "Spain"],
  ["IT", "Italy"],
];

export function AddressForm({ open }: { open: boolean }) {
  const [state, action, pending] = useActionState<AddressFormState, FormData>(addAddressAction, {});
  const router = useRouter();
  // The new address becomes the one shipping is quoted to.
  useEffect(() => {
    if (state.addedId) router.replace(`/checkout?address=${state.addedId}`, { scroll: false });
  }, [state.addedId, router]);
  const f = state.fields ?? {};
  return (
    <details open={open} className="rounded-lg border border-gray-200 bg-white p-4">
      <summary className="cursor-pointer font-medium">Add a new address</summary>
      <form action={action} className="mt-4 grid gap-3 sm:grid-cols-2">
        {state.error ? (
          <div className="sm:col-span-2">
            <Alert>{state.error}</Alert>
          </div>
        ) : null}
        {state.addedId ? (
          <div className="sm:col-span-2">
            <Alert tone="success">Address added.</Alert>
          </div>
        ) : null}
        <Field
          label="Full name"
          name="fullName"
          autoComplete="name"
          required
          error={f.fullName}
          className="sm:col-span-2"
        />
        <Field
          label="Street address"
          name="line1"
          autoComplete="address-line1"
          required
          error={f.line1}
          className="sm:col-span-2"
        />
        <Field
          label="Apartment, suite (optional)"
          name="line2"
          autoComplete="address-line2"
          error={f.line2}
          className="sm:col-span-2"
        />
        <Field label="City" name="city" autoComplete="address-level2" required error={f.city} />
        <Field label="State / region (optional)" name="region" autoComplete="address-level1" error={f.region} />
        <Field label="Postal code" name="postalCode" autoComplete="postal-code" required error={f.postalCode} />
        <div className="flex flex-col gap-1">
          <label htmlFor="country" className="text-sm font-medium">
            Country
          </label>
          <select
            id="country"
            name="country"
            autoComplete="country"
            defaultValue="US"
            className="rounded-md border border-gray-300 px-3 py-2 text-sm"
          >
            {COUNTRIES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <Field label="Phone (optional)" name="phone" type="tel" autoComplete="tel" error={f.phone} />
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="isDefault" /> Make this my default address
        </label>
        <div className="sm:col-span-2">
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Saving…" : "Save address"}
          </Button>
        </div>
      </form>
    </details>
  );
}
