import { PageHeader } from "@/components/ui/page-header";
import { requirePageSeller } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { countryName } from "@/lib/shipping/country-name";
import { listShippingProfiles } from "@/lib/shipping/list-shipping-profiles";
import { listShopCurrencies } from "@/lib/shipping/list-shop-currencies";

import {
  addShippingZoneAction,
  createShippingProfileAction,
  deleteShippingProfileAction,
  deleteShippingZoneAction,
  renameShippingProfileAction,
  setDefaultShippingProfileAction,
  updateShippingZoneAction,
} from "./actions";
import { DeleteZoneForm, NewProfileForm, ProfileControls } from "./profile-forms";
import { ZoneForm } from "./zone-form";

export const metadata = { title: "Shipping" };

export default async function SellerShippingPage() {
  const seller = await requirePageSeller("/seller/shipping");
  const [profiles, currencies] = await Promise.all([
    listShippingProfiles(seller.sellerId),
    listShopCurrencies(seller.sellerId),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Shipping"
        description="Where your listings ship, at what rate and how fast. Listings without a profile of their own use the default."
      />
      {profiles.map((p) => {
        const where = (z: (typeof p.zones)[number]) =>
          z.restOfWorld ? "Everywhere else" : z.countries.map(countryName).join(", ");
        return (
          <section
            key={p.id}
            aria-label={`Profile ${p.name}`}
            className="space-y-4 rounded-xl border border-gray-200 bg-white p-4"
          >
            <h2 className="font-semibold">
              {p.name}{" "}
              <span className="text-sm font-normal text-muted">
                ({p.currency}
                {p.isDefault ? ", default" : ""})
              </span>
            </h2>
            <ProfileControls
              profileId={p.id}
              name={p.name}
              isDefault={p.isDefault}
              rename={renameShippingProfileAction.bind(null, p.id)}
              makeDefault={setDefaultShippingProfileAction.bind(null, p.id)}
              remove={deleteShippingProfileAction.bind(null, p.id)}
            />
            {p.zones.length === 0 ? (
              <p className="text-sm text-amber-800">This profile ships nowhere yet: add a zone below.</p>
            ) : (
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
                      <td className="py-2">{where(z)}</td>
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
            )}
            {p.zones.map((z) => (
              <details key={z.id} className="rounded-lg border border-gray-100 p-3">
                <summary className="cursor-pointer text-sm font-medium">Edit zone: {where(z)}</summary>
                <div className="mt-3 space-y-3">
                  <ZoneForm
                    formId={z.id}
                    label={`Edit zone ${where(z)}`}
                    action={updateShippingZoneAction.bind(null, z.id)}
                    initial={{
                      countries: z.countries.join(", "),
                      restOfWorld: z.restOfWorld,
                      firstItemCents: String(z.firstItemCents),
                      additionalItemCents: String(z.additionalItemCents),
                      freeOverCents: z.freeOverCents === null ? "" : String(z.freeOverCents),
                      handlingDaysMin: String(z.handlingDaysMin),
                      handlingDaysMax: String(z.handlingDaysMax),
                      transitDaysMin: String(z.transitDaysMin),
                      transitDaysMax: String(z.transitDaysMax),
                    }}
                  />
                  <DeleteZoneForm label={where(z)} action={deleteShippingZoneAction.bind(null, z.id)} />
                </div>
              </details>
            ))}
            <details className="rounded-lg border border-gray-100 p-3" open={p.zones.length === 0}>
              <summary className="cursor-pointer text-sm font-medium">Add a zone</summary>
              <div className="mt-3">
                <ZoneForm formId={p.id} action={addShippingZoneAction.bind(null, p.id)} />
              </div>
            </details>
          </section>
        );
      })}
      <NewProfileForm action={createShippingProfileAction} currencies={currencies} />
    </div>
  );
}
