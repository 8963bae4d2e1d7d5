import type { AddressRecord } from "./address-input";

/** A stored address as the API and pages see it (absent optional parts are undefined, not null). */
export function toAddressRecord(a: {
  id: string;
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
  isDefault: boolean;
}): AddressRecord {
  return {
    id: a.id,
    fullName: a.fullName,
    line1: a.line1,
    line2: a.line2 ?? undefined,
    city: a.city,
    region: a.region ?? undefined,
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone ?? undefined,
    isDefault: a.isDefault,
  };
}
