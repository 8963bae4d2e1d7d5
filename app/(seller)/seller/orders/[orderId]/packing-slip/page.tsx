import { headers } from "next/headers";
import { notFound } from "next/navigation";

import { formatAddress } from "@/lib/addresses/format-address";
import { viewerLocale } from "@/lib/analytics/report/viewer-locale";
import { requirePageSeller } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { countOrderUnits } from "@/lib/orders/describe-order-items";
import { getSellerOrder } from "@/lib/orders/get-seller-order";

import { PrintButton } from "./print-button";

export const metadata = { title: "Packing slip" };

/** A page to print and put in the parcel: the dashboard's header and navigation are hidden in print. */
export default async function PackingSlipPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const seller = await requirePageSeller(`/seller/orders/${orderId}/packing-slip`);
  const order = await getSellerOrder({ orderId, sellerId: seller.sellerId }).catch((err: unknown) => {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  });
  const locale = viewerLocale((await headers()).get("accept-language"));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  const address = order.shippingAddress as Parameters<typeof formatAddress>[0];
  return (
    <article aria-labelledby="slip-title" className="mx-auto max-w-2xl bg-white p-6 text-sm print:max-w-none print:p-0">
      <div className="mb-6 flex items-start justify-between gap-4">
        <div>
          <h1 id="slip-title" className="text-xl font-bold">
            Packing slip
          </h1>
          <p>{order.seller.shopName}</p>
        </div>
        <div className="text-right">
          <p className="font-mono">Order #{order.id.slice(0, 8)}</p>
          <p>{date.format(order.paidAt ?? order.createdAt)}</p>
        </div>
      </div>
      <h2 className="font-semibold">Ship to</h2>
      <p className="mb-6 whitespace-pre-line">{formatAddress(address)}</p>
      <table className="w-full border-collapse">
        <thead>
          <tr className="border-b border-gray-400 text-left">
            <th scope="col" className="py-1 pr-2">
              Qty
            </th>
            <th scope="col" className="py-1">
              Item
            </th>
            <th scope="col" className="py-1 text-right">
              Packed
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((i) => (
            <tr key={i.id} className="border-b border-gray-200">
              <td className="py-2 pr-2 font-semibold">{i.quantity}</td>
              <td className="py-2">{i.titleSnapshot}</td>
              <td className="py-2 text-right">
                <span aria-hidden className="inline-block h-4 w-4 border border-gray-500" />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="py-2 pr-2 font-semibold">{countOrderUnits(order.items)}</td>
            <td className="py-2" colSpan={2}>
              items in all
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-6 text-muted">Thank you for shopping with {order.seller.shopName}.</p>
      <div className="mt-6 print:hidden">
        <PrintButton />
      </div>
    </article>
  );
}
