import type { CarrierAddress } from "@/lib/carriers/carrier";

/** An address as orders and the address book keep it (camelCase JSON snapshot). */
export type StoredAddress = {
  fullName: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
};

export function toCarrierAddress(a: StoredAddress, name = a.fullName): CarrierAddress {
  return {
    name,
    line1: a.line1,
    line2: a.line2 ?? null,
    city: a.city,
    region: a.region ?? null,
    postalCode: a.postalCode,
    country: a.country,
  };
}

export function isStoredAddress(v: unknown): v is StoredAddress {
  const a = v as Partial<StoredAddress> | null;
  return Boolean(
    a &&
    typeof a.fullName === "string" &&
    typeof a.line1 === "string" &&
    typeof a.city === "string" &&
    typeof a.postalCode === "string" &&
    typeof a.country === "string",
  );
}

/** The return address fields of a submitted form, or undefined when none were filled in. */
export function addressFromForm(form: FormData): Record<string, string> | undefined {
  const fields = ["fullName", "line1", "line2", "city", "region", "postalCode", "country"] as const;
  const values = Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? "").trim()]));
  return values.line1 || values.fullName ? values : undefined;
}
