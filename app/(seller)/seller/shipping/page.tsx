import { PageHeader } from "@/components/ui/page-header";
import { requirePageSeller } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { countryName } from "@/lib/shipping/country-name";
import { listShippingProfiles } from "@/lib/shipping/list-shipping-profiles";

import { addShippingZoneAction } from "./actions";
import { ZoneForm } from "./zone-form";

export const metadata = { title: "Shipping" };

export default async function SellerShippingPage() {
  const seller = await requirePageSeller("/seller/shipping");
  const profiles = await listShippingProfiles(seller.sellerId);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Shipping"
        description="Where your listings ship, at what rate and how fast. Listings without a profile of their own use the default."
      />
      {profiles.map((p) => (
        <section
          key={p.id}
          aria-label={`Profile ${p.name}`}
          className="space-y-4 rounded-xl border border-gray-200 bg-white p-4"
        >
          <h2 className="font-semibold">
            {p.name} {p.isDefault ? <span className="text-sm font-normal text-muted">(default)</span> : null}
          </h2>
          <table className="w-full text-sm">
            <thead className="text-left text-muted">
              <tr>
                <th className="py-1">Ships to</th>
                <th>Rate</th>
                <th>Days</th>
              </tr>
            </thead>
            <tbody>
              {p.zones.map((z) => (
                <tr key={z.id} className="border-t border-gray-100">
                  <td className="py-2">
                    {z.restOfWorld ? "Everywhere else" : z.countries.map(countryName).join(", ")}
                  </td>
                  <td>
                    {formatMoney(z.firstItemCents, p.currency)}
                    {z.additionalItemCents > 0
                      ? ` + ${formatMoney(z.additionalItemCents, p.currency)} each additional`
                      : " per order"}
                    {z.freeOverCents !== null ? `; free over ${formatMoney(z.freeOverCents, p.currency)}` : ""}
                  </td>
                  <td>
                    {z.handlingDaysMin + z.transitDaysMin}–{z.handlingDaysMax + z.transitDaysMax}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ZoneForm profileId={p.id} action={addShippingZoneAction.bind(null, p.id)} />
        </section>
      ))}
    </div>
  );
}
