/**
 * A typed amount in major units ("12.50", "12,5", "12") as integer minor units, or null when
 * empty; throws on anything else. Two decimals, as every currency the marketplace sells in.
 */
export function parseMoneyInput(raw: unknown): number | null {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") return null;
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!m) throw new Error("Enter an amount like 12.50.");
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
