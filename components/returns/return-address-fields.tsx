import { Field } from "@/components/ui/field";
import type { StoredAddress } from "@/lib/returns/return-address";

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

/** The address a return parcel goes to, prefilled with the seller's saved one. */
export function ReturnAddressFields({ id, initial }: { id: string; initial: StoredAddress | null }) {
  return (
    <fieldset className="grid gap-2 sm:grid-cols-2">
      <legend className="mb-1 text-sm font-medium">Return address</legend>
      <Field
        id={`${id}-name`}
        label="Name"
        name="fullName"
        required
        defaultValue={initial?.fullName}
        className="sm:col-span-2"
      />
      <Field
        id={`${id}-line1`}
        label="Street address"
        name="line1"
        required
        defaultValue={initial?.line1}
        className="sm:col-span-2"
      />
      <Field
        id={`${id}-line2`}
        label="Apartment, suite (optional)"
        name="line2"
        defaultValue={initial?.line2 ?? ""}
        className="sm:col-span-2"
      />
      <Field id={`${id}-city`} label="City" name="city" required defaultValue={initial?.city} />
      <Field id={`${id}-region`} label="State / region (optional)" name="region" defaultValue={initial?.region ?? ""} />
      <Field id={`${id}-postal`} label="Postal code" name="postalCode" required defaultValue={initial?.postalCode} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-country`} className="text-sm font-medium">
          Country
        </label>
        <select
          id={`${id}-country`}
          name="country"
          defaultValue={initial?.country ?? "US"}
          className="rounded-md border border-gray-300 px-3 py-2 text-sm"
        >
          {COUNTRIES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
