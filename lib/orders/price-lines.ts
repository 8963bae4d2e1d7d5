import type { CartLine } from "@/lib/cart/cart-store";
import { AppError } from "@/lib/errors/app-error";
import type { ChargeAmounts } from "@/lib/fx/convert-checkout";
import { commissionCents } from "@/lib/money/commission-cents";
import { effectiveBps } from "@/lib/money/effective-bps";
import { countryName } from "@/lib/shipping/country-name";
import { quoteShopShipping } from "@/lib/shipping/quote-shop-shipping";
import type { DaysRange, ProfileRules } from "@/lib/shipping/shipping-rules";

/** What pricing needs to know about each product in the cart, as read at checkout. */
export type ProductForPricing = {
  id: string;
  title: string;
  priceCents: number;
  currency: string;
  status: string;
  sellerId: string;
  seller: { status: string; shopName: string };
  /** taxCategory: the top-level category's slug, which tax rules name (lib/tax). */
  category: { commissionBps: number | null; taxCategory?: string | null };
  /** The listing's own profile, else the shop's default; null if the shop has neither. */
  shippingProfile: (ProfileRules & { currency: string }) | null;
  /** A listing with variants is bought one variant at a time, at the variant's price. */
  variants?: { id: string; label: string; priceCents: number }[];
};

export type PricedItem = {
  productId: string;
  /** The variant bought and its values ("M / Blue"); absent for a listing without variants. */
  variantId?: string | null;
  variantLabel?: string | null;
  title: string;
  quantity: number;
  unitPriceCents: number;
  commissionBps: number;
  taxCategory: string | null;
  /** The line's tax (taxPricedCheckout); none until then. */
  taxRateBps: number;
  taxCents: number;
  taxInclusive: boolean;
};

export type PricedOrder = {
  sellerId: string;
  /** The shop's currency: every amount below is in it. */
  currency: string;
  subtotalCents: number;
  shippingCents: number;
  /** Items plus shipping, plus tax where it is not in the prices: what the buyer pays for this shop. */
  totalCents: number;
  /** On the items only, net of any tax in their prices: shipping goes to the seller whole. */
  platformFeeCents: number;
  /** The lines' and shipping's tax: in the prices (inclusive) or part of totalCents (exclusive). */
  taxCents: number;
  shippingTaxCents: number;
  taxInclusive: boolean;
  taxLabel: string | null;
  taxJurisdiction: string | null;
  handlingDays: DaysRange;
  transitDays: DaysRange;
  commissionBps: number;
  items: PricedItem[];
  /** The order in the checkout's currency when it differs from the shop's (convertCheckout). */
  charge?: ChargeAmounts;
};

/**
 * The checkout's currency (what the buyer pays in) and its total in it. Until convertCheckout
 * ran on a checkout whose shops price in other currencies, totalCents is only the orders' sum.
 */
export type PricedCheckout = { currency: string; totalCents: number; orders: PricedOrder[] };

/**
 * Prices a cart at today's prices for delivery to `country`: one order per seller (sorted by
 * seller id), each with its subtotal, its shipping (quoteShopShipping) and the platform's
 * commission on the items (each line at its category's rate, else the default).
 * Each order is priced in its shop's currency; the checkout's is `chargeCurrency` (the buyer's
 * choice), else the shops' one currency (convertCheckout converts the orders that differ).
 * Refuses a line whose product or shop is no longer active, a shop pricing in two currencies,
 * a cart in several currencies with none chosen, and a shop that does not ship to the country
 * (naming both, so the buyer knows what to change).
 */
export function priceLines(
  lines: CartLine[],
  products: ProductForPricing[],
  defaultBps: number,
  country: string,
  chargeCurrency?: string,
): PricedCheckout {
  const byId = new Map(products.map((p) => [p.id, p]));
  const priced = lines.map((line) => {
    const p = byId.get(line.productId);
    if (!p || p.status !== "active" || p.seller.status !== "active")
      throw new AppError("conflict", `"${p?.title ?? "An item"}" is no longer available. Remove it from your cart.`, {
        productId: line.productId,
      });
    const variants = p.variants ?? [];
    const variant = line.variantId ? variants.find((v) => v.id === line.variantId) : undefined;
    if (line.variantId ? !variant : variants.length > 0)
      throw new AppError("conflict", `That option of "${p.title}" is no longer available. Remove it from your cart.`, {
        productId: line.productId,
        variantId: line.variantId,
      });
    return { line, product: p, variant, unitPriceCents: variant?.priceCents ?? p.priceCents };
  });
  const currencies = new Set(priced.map((e) => e.product.currency));
  if (!chargeCurrency && currencies.size !== 1)
    throw new AppError("unprocessable", "Your cart mixes currencies; choose the currency to pay in.");
  const currency = chargeCurrency ?? [...currencies][0];

  const bySeller = new Map<string, typeof priced>();
  for (const entry of priced)
    bySeller.set(entry.product.sellerId, [...(bySeller.get(entry.product.sellerId) ?? []), entry]);

  const orders = [...bySeller.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sellerId, entries]): PricedOrder => {
      const shopCurrencies = new Set(entries.map((e) => e.product.currency));
      if (shopCurrencies.size !== 1)
        throw new AppError(
          "conflict",
          `${entries[0].product.seller.shopName} prices its items in more than one currency; it cannot take this order now.`,
          { sellerId },
        );
      const shopCurrency = entries[0].product.currency;
      const subtotalCents = entries.reduce((s, e) => s + e.line.quantity * e.unitPriceCents, 0);
      const shipping = shopShipping(entries, country, shopCurrency);
      const platformFeeCents = commissionCents(
        entries.map((e) => ({
          amountCents: e.line.quantity * e.unitPriceCents,
          bps: e.product.category.commissionBps ?? defaultBps,
        })),
      );
      return {
        sellerId,
        currency: shopCurrency,
        subtotalCents,
        shippingCents: shipping.shippingCents,
        totalCents: subtotalCents + shipping.shippingCents,
        platformFeeCents,
        taxCents: 0,
        shippingTaxCents: 0,
        taxInclusive: false,
        taxLabel: null,
        taxJurisdiction: null,
        handlingDays: shipping.handlingDays,
        transitDays: shipping.transitDays,
        commissionBps: effectiveBps(subtotalCents, platformFeeCents),
        items: entries.map((e) => ({
          productId: e.line.productId,
          // Only a variant's line names one: a listing without variants prices as it always did.
          ...(e.variant ? { variantId: e.variant.id, variantLabel: e.variant.label } : {}),
          title: e.product.title,
          quantity: e.line.quantity,
          unitPriceCents: e.unitPriceCents,
          commissionBps: e.product.category.commissionBps ?? defaultBps,
          taxCategory: e.product.category.taxCategory ?? null,
          taxRateBps: 0,
          taxCents: 0,
          taxInclusive: false,
        })),
      };
    });
  const totalCents = orders.reduce((s, o) => s + o.totalCents, 0);
  return { currency, totalCents, orders };
}

function shopShipping(
  entries: { line: CartLine; product: ProductForPricing; unitPriceCents: number }[],
  country: string,
  currency: string,
) {
  const shop = entries[0].product.seller.shopName;
  const refuse = () =>
    new AppError(
      "unprocessable",
      `${shop} does not ship to ${countryName(country)}. Remove its items or choose another address.`,
      {
        sellerId: entries[0].product.sellerId,
        country,
      },
    );
  const shippingLines = entries.map((e) => {
    const profile = e.product.shippingProfile;
    if (!profile) throw refuse();
    // Rates are kept in the shop's currency; one that differs from its prices cannot be charged.
    if (profile.currency !== currency)
      throw new AppError(
        "conflict",
        `${shop}'s shipping rates are not in ${currency}; it cannot take this order now.`,
        {
          sellerId: e.product.sellerId,
        },
      );
    return { profile, quantity: e.line.quantity, amountCents: e.line.quantity * e.unitPriceCents };
  });
  const quote = quoteShopShipping(shippingLines, country);
  if (!quote.ships) throw refuse();
  return quote;
}
