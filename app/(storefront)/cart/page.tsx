import Link from "next/link";

import { CartLineControls } from "@/components/cart/cart-line-controls";
import { RecommendationBlocks } from "@/components/recommendations/recommendation-blocks";
import { ShipToPicker } from "@/components/shipping/ship-to-picker";
import { ShopShippingLine } from "@/components/shipping/shop-shipping-line";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAddresses } from "@/lib/addresses/list-addresses";
import { getCurrentUser } from "@/lib/auth/current-user";
import { readCurrentCart } from "@/lib/cart/read-current-cart";
import { formatMoney } from "@/lib/money/format-money";
import { countryName } from "@/lib/shipping/country-name";
import { quoteCartShipping } from "@/lib/shipping/quote-cart-shipping";
import { describeTax } from "@/lib/tax/describe-tax";
import { quoteCartTax, type ShopTax } from "@/lib/tax/quote-cart-tax";

export const metadata = { title: "Cart" };

export default async function CartPage({ searchParams }: { searchParams: Promise<{ address?: string | string[] }> }) {
  const { address } = await searchParams;
  const cart = await readCurrentCart();
  if (cart.groups.length === 0) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeader title="Your cart" />
        <div className="rounded-xl border border-dashed border-gray-300 bg-white p-10 text-center">
          <p className="font-medium">Your cart is empty.</p>
          <Link href="/search" className="mt-3 inline-block text-brand-700 underline">
            Browse products
          </Link>
        </div>
      </div>
    );
  }
  const user = await getCurrentUser();
  const [shipping, addresses] = await Promise.all([
    quoteCartShipping(user?.id ?? null, cart.groups, typeof address === "string" ? address : null),
    user ? listAddresses(user.id) : [],
  ]);
  const to = shipping ? countryName(shipping.country) : null;
  const quotes = shipping ? [...shipping.bySeller.values()] : [];
  const shippingCents = quotes.reduce((s, q) => s + (q.ships ? q.shippingCents : 0), 0);
  const taxes = await quoteCartTax(user?.id ?? null, cart.groups, shipping?.bySeller ?? null, shipping?.addressId);
  const taxList = taxes ? [...taxes.values()] : [];
  // Sales tax is added to the total; VAT is already in the prices and is shown as included.
  const addedTaxCents = taxList.filter((t) => !t.inclusive).reduce((s, t) => s + t.taxCents, 0);
  const includedTaxCents = taxList.filter((t) => t.inclusive).reduce((s, t) => s + t.taxCents, 0);
  // A shop that does not ship to the address keeps the whole cart from checking out there.
  const blocked = cart.groups.filter((g) => shipping?.bySeller.get(g.sellerId)?.ships === false);
  return (
    <div className="mx-auto grid max-w-5xl gap-8 lg:grid-cols-[1fr_18rem]">
      <div>
        <PageHeader
          title="Your cart"
          description={`${cart.itemCount} ${cart.itemCount === 1 ? "item" : "items"} from ${cart.groups.length} ${cart.groups.length === 1 ? "shop" : "shops"}`}
        />
        <div className="space-y-6">
          {cart.groups.map((g) => (
            <section
              key={g.sellerId}
              aria-label={`Items from ${g.shopName}`}
              className="rounded-xl border border-gray-200 bg-white"
            >
              <h2 className="border-b border-gray-100 px-4 py-3 font-semibold">{g.shopName}</h2>
              <ul className="divide-y divide-gray-100">
                {g.lines.map((l) => (
                  <li key={l.key} className="flex gap-4 p-4">
                    {/* eslint-disable-next-line @next/next/no-img-element -- small pre-sized variant */}
                    {l.imageKey ? (
                      <img
                        src={`/media/${l.imageKey}`}
                        alt=""
                        width={80}
                        height={80}
                        className="h-20 w-20 rounded-md object-cover"
                      />
                    ) : (
                      <div className="h-20 w-20 rounded-md bg-gray-100" />
                    )}
                    <div className="flex-1 space-y-1">
                      <Link href={`/products/${l.productId}`} className="font-medium hover:underline">
                        {l.title}
                      </Link>
                      {l.variantLabel ? <p className="text-sm text-muted">{l.variantLabel}</p> : null}
                      <p className="text-sm">{formatMoney(l.unitPriceCents, l.currency)} each</p>
                      {l.problems.map((p) => (
                        <p key={p} className="text-sm font-medium text-amber-800">
                          {p}
                        </p>
                      ))}
                      <CartLineControls
                        productId={l.productId}
                        variantId={l.variantId}
                        title={l.variantLabel ? `${l.title} (${l.variantLabel})` : l.title}
                        quantity={l.quantity}
                        max={l.available ? l.inventoryCount : 0}
                      />
                    </div>
                    <p className="font-semibold">{formatMoney(l.lineTotalCents, l.currency)}</p>
                  </li>
                ))}
              </ul>
              <p className="border-t border-gray-100 px-4 py-3 text-right text-sm">
                Subtotal from {g.shopName}:{" "}
                <span className="font-semibold">{formatMoney(g.subtotalCents, g.currency)}</span>
              </p>
              <ShopShippingLine
                quote={shipping?.bySeller.get(g.sellerId)}
                to={to}
                shopName={g.shopName}
                currency={g.currency}
                className="px-4 pb-3 text-right"
              />
              <ShopTaxLine tax={taxes?.get(g.sellerId)} currency={g.currency} />
            </section>
          ))}
        </div>
        <RecommendationBlocks page="cart" productIds={cart.groups.flatMap((g) => g.lines.map((l) => l.productId))} />
      </div>
      <aside
        className="h-fit space-y-4 rounded-xl border border-gray-200 bg-white p-5 lg:sticky lg:top-24"
        aria-label="Order summary"
      >
        {shipping && addresses.length > 1 ? (
          <ShipToPicker
            selectedId={shipping.addressId}
            addresses={addresses.map((a) => ({
              id: a.id,
              label: `${a.fullName}, ${a.city}, ${countryName(a.country)}`,
            }))}
          />
        ) : null}
        {shipping ? (
          <p className="flex justify-between text-sm">
            <span>Shipping to {to}</span>
            <span>{cart.currency ? formatMoney(shippingCents, cart.currency) : "—"}</span>
          </p>
        ) : null}
        {addedTaxCents > 0 ? (
          <p className="flex justify-between text-sm">
            <span>Sales tax</span>
            <span>{cart.currency ? formatMoney(addedTaxCents, cart.currency) : "—"}</span>
          </p>
        ) : null}
        <p className="flex justify-between text-lg font-semibold">
          <span>Total</span>
          <span>
            {cart.currency ? formatMoney(cart.totalCents + shippingCents + addedTaxCents, cart.currency) : "—"}
          </span>
        </p>
        {includedTaxCents > 0 && cart.currency ? (
          <p className="text-right text-sm text-muted">incl. {formatMoney(includedTaxCents, cart.currency)} tax</p>
        ) : null}
        <p className="text-xs text-muted">
          {shipping ? "" : "Shipping is added at checkout for your address. "}Each shop ships separately; your payment
          is held until you confirm each delivery.
        </p>
        {blocked.length > 0 ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {blocked.map((g) => g.shopName).join(", ")} {blocked.length === 1 ? "doesn't" : "don't"} ship to {to}.
            Remove {blocked.length === 1 ? "its" : "their"} items or choose another address to check out.
          </p>
        ) : cart.itemCount > 0 ? (
          <Link
            href={shipping ? `/checkout?address=${shipping.addressId}` : "/checkout"}
            className={buttonClass("primary", "w-full")}
          >
            Check out
          </Link>
        ) : (
          <p className="text-sm text-red-700">Nothing in your cart can be bought right now.</p>
        )}
      </aside>
    </div>
  );
}

/** One shop's tax: "incl. VAT 19% €9.50" inside its prices, or "Sales tax 7.25% $5.44" on top. */
function ShopTaxLine(props: { tax: ShopTax | undefined; currency: string }) {
  const text = props.tax ? describeTax(props.tax) : null;
  if (!props.tax || !text) return null;
  return (
    <p className="border-t border-gray-100 px-4 py-3 text-right text-sm" data-testid="shop-tax">
      {text}: <span className="font-semibold">{formatMoney(props.tax.taxCents, props.currency)}</span>
    </p>
  );
}
