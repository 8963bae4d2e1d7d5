import type { ProfileRules, ZoneRule } from "./shipping-rules";

/**
 * The zone of a profile that serves a country: one listing it, else the profile's
 * "everywhere else" zone, else none (the profile does not ship there).
 */
export function zoneForCountry(profile: ProfileRules, country: string): ZoneRule | null {
  const code = country.toUpperCase();
  return (
    profile.zones.find((z) => !z.restOfWorld && z.countries.includes(code)) ??
    profile.zones.find((z) => z.restOfWorld) ??
    null
  );
}
