/**
 * A free-text CSV cell: a leading = + - @ tab or CR would make a spreadsheet run it as a formula
 * (CSV injection), so such a cell gets a leading apostrophe; then RFC 4180 quoting.
 */
export function csvTextCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
