const names = new Intl.DisplayNames(["en"], { type: "region" });

/** A country's English name from its ISO code ("DE" → "Germany"), the code itself if unknown. */
export function countryName(code: string): string {
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
