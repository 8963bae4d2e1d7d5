/** The first locale of an Accept-Language header that Intl can format in, else en-US. */
export function viewerLocale(acceptLanguage: string | null): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      if (Intl.NumberFormat.supportedLocalesOf([tag]).length) return tag;
    } catch {
      // An invalid tag: try the next one.
    }
  }
  return "en-US";
}
