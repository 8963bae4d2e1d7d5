import Link from "next/link";
import { redirect } from "next/navigation";

import { LockedRates } from "@/components/fx/locked-rates";
import { ShopShippingLine } from "@/components/shipping/shop-shipping-line";
import { PageHeader } from "@/components/ui/page-header";
import { listAddresses } from "@/lib/addresses/list-addresses";
import { requirePageUser } from "@/lib/auth/guards";
import { readCurrentCart } from "@/lib/cart/read-current-cart";
import { quoteInCurrency } from "@/lib/fx/convert-checkout";
import { loadRateSnapshot } from "@/lib/fx/load-rate-table";
import { viewerCurrency } from "@/lib/fx/viewer-currency";
import { formatMoney } from "@/lib/money/format-money";
import { countryName } from "@/lib/shipping/country-name";
import { quoteCartShipping } from "@/lib/shipping/quote-cart-shipping";

import { AddressForm } from "./address-form";
import { PlaceOrder } from "./place-order";

export const metadata = { title: "Checkout" };

export default async function CheckoutPage({
  searchParams,
}: {
  searchParams: Promise<{ address?: string | string[] }>;
}) {
  const user = await requirePageUser("/checkout");
  const { address } = await searchParams;
  const [cart, addresses] = await Promise.all([readCurrentCart(), listAddresses(user.id)]);
  if (cart.itemCount === 0) redirect("/cart");
  // The summary quotes the address chosen above (?address=, set by PlaceOrder), as the order will charge it.
  const shipping = await quoteCartShipping(user.id, cart.groups, typeof address === "string" ? address : null);
  const to = shipping ? countryName(shipping.country) : null;
  // The buyer pays in their display currency: shops pricing in another are converted at today's
  // rates, which placing the order locks (lib/fx/convert-checkout.ts).
  const currency = await viewerCurrency();
  const shops = cart.groups.map((g) => {
    const q = shipping?.bySeller.get(g.sellerId);
    return { currency: g.currency, totalCents: g.subtotalCents + (q?.ships ? q.shippingCents : 0) };
  });
  const converts = shops.some((s) => s.currency !== currency);
  const quote = converts
    ? quoteInCurrency(shops, currency, await loadRateSnapshot(), new Date())
    : { totalCents: shops.reduce((a, s) => a + s.totalCents, 0), shopCents: shops.map((s) => s.totalCents), rates: [] };
  return (
    <div className="mx-auto grid max-w-5xl gap-8 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-6">
        <PageHeader title="Checkout" />
        {cart.hasProblems ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            Some items changed since you added them.{" "}
            <Link href="/cart" className="underline">
              Review your cart
            </Link>
            .
          </p>
        ) : null}
        <PlaceOrder
          cartId={cart.cartId}
          addresses={addresses}
          selectedId={shipping?.addressId ?? ""}
          currency={currency}
        />
        <AddressForm open={addresses.length === 0} />
      </div>
      <aside className="h-fit space-y-4 rounded-xl border border-gray-200 bg-white p-5" aria-label="Order summary">
        <h2 className="font-semibold">Order summary</h2>
        {cart.groups.map((g, i) => (
          <div key={g.sellerId} className="border-b border-gray-100 pb-3 text-sm">
            <p className="font-medium">{g.shopName}</p>
            <ul className="mt-1 space-y-1 text-muted">
              {g.lines
                .filter((l) => l.quantity > 0)
                .map((l) => (
                  <li key={l.key} className="flex justify-between gap-2">
                    <span>
                      {l.quantity} × {l.title}
                      {l.variantLabel ? ` (${l.variantLabel})` : ""}
                    </span>
                    <span>{formatMoney(l.lineTotalCents, l.currency)}</span>
                  </li>
                ))}
            </ul>
            {shipping ? (
              <ShopShippingLine
                quote={shipping.bySeller.get(g.sellerId)}
                to={to}
                shopName={g.shopName}
                currency={g.currency}
                className="mt-1"
              />
            ) : (
              <p className="mt-1 text-muted">Shipping: add an address to see it.</p>
            )}
            {g.currency !== currency ? (
              <p className="mt-1 flex justify-between text-muted" data-testid="shop-converted">
                <span>In {currency}</span>
                <span>≈ {formatMoney(quote.shopCents[i], currency)}</span>
              </p>
            ) : null}
          </div>
        ))}
        <p className="flex justify-between text-lg font-semibold">
          <span>Total</span>
          <span data-testid="checkout-total">{formatMoney(quote.totalCents, currency)}</span>
        </p>
        <LockedRates rates={quote.rates} />
        <p className="text-xs text-muted">
          One payment, one order per shop. Each shop is paid only after you confirm its delivery.
        </p>
      </aside>
    </div>
  );
}
