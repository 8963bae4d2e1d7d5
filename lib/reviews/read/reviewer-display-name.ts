/** How a buyer appears on their public review: first name and last initial ("Ada L."), never the email. */
export function reviewerDisplayName(name: string | null | undefined): string {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "Verified buyer";
  const first = parts[0].slice(0, 40);
  const last = parts.length > 1 ? ` ${Array.from(parts[parts.length - 1])[0].toUpperCase()}.` : "";
  return `${first}${last}`;
}
