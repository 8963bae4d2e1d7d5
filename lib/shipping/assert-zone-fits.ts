import { AppError } from "@/lib/errors/app-error";

type Zone = { id: string; countries: string[]; restOfWorld: boolean };

/**
 * A profile serves each country from one zone: a new or edited zone may not list a country
 * another zone of the profile lists, nor be a second "everywhere else".
 */
export function assertZoneFits(others: Zone[], zone: { countries: string[]; restOfWorld: boolean }): void {
  if (zone.restOfWorld && others.some((z) => z.restOfWorld))
    throw new AppError("conflict", 'This profile already has an "everywhere else" zone; edit that one.');
  const taken = zone.restOfWorld ? [] : zone.countries.filter((c) => others.some((z) => z.countries.includes(c)));
  if (taken.length > 0)
    throw new AppError(
      "conflict",
      `${taken.join(", ")} already ${taken.length === 1 ? "has" : "have"} a zone in this profile.`,
    );
}
