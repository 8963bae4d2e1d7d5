import "server-only";

import { cookies, headers } from "next/headers";

import { currencyForLocale, parseDisplayCurrency } from "./display-currency";

/**
 * The currency the signed-in viewer shops in, read on the server: the footer picker's cookie,
 * else their browser's first language (as the picker itself defaults). Checkout charges in it.
 */
export async function viewerCurrency(): Promise<string> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const chosen = parseDisplayCurrency(
    jar
      .getAll()
      .map((c) => `${c.name}=${c.value}`)
      .join("; "),
  );
  if (chosen) return chosen;
  const first = (h.get("accept-language") ?? "").split(",")[0]?.split(";")[0]?.trim();
  return currencyForLocale(first || undefined);
}
