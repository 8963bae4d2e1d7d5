export function formatAddress(a: {
  fullName: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
}): string {
  return [a.fullName, a.line1, a.line2, `${a.postalCode} ${a.city}${a.region ? `, ${a.region}` : ""}`, a.country]
    .filter(Boolean)
    .join("\n");
}
