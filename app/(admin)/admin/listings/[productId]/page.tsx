import { notFound } from "next/navigation";

import { FlashSaleForm } from "@/components/catalog/flash-sale-form";
import { ProductDescription } from "@/components/catalog/product-description";
import { ProductGallery } from "@/components/catalog/product-gallery";
import { StatusBadge } from "@/components/seller/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { getListingForAdmin } from "@/lib/catalog/get-listing-for-admin";
import { isAppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/format-money";

import { flashSaleAction, reinstateAction, suspendAction } from "../actions";
import { SuspensionForm } from "./suspension-form";

export const metadata = { title: "Listing" };

export default async function AdminListingPage({ params }: { params: Promise<{ productId: string }> }) {
  const { productId } = await params;
  await requirePageUser(`/admin/listings/${productId}`, "admin");
  const l = await getListingForAdmin(productId).catch((err) => {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  });
  return (
    <div className="space-y-6">
      <PageHeader
        title={l.title}
        description={`${l.seller.shopName} · ${formatMoney(l.priceCents, l.currency)} · stock ${l.inventoryCount}`}
        actions={<StatusBadge status={l.status} />}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProductGallery images={l.images} title={l.title} />
        <div className="space-y-4">
          <ProductDescription source={l.description} />
          {l.status === "active" || l.status === "suspended" ? (
            <SuspensionForm
              suspended={l.status === "suspended"}
              suspend={suspendAction.bind(null, l.id)}
              reinstate={reinstateAction.bind(null, l.id)}
            />
          ) : null}
          <FlashSaleForm on={l.isHot} action={flashSaleAction.bind(null, l.id)} />
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="font-semibold">
              Moderation history
            </h2>
            {l.cases.length === 0 ? (
              <p className="text-sm text-muted">None.</p>
            ) : (
              <ul className="mt-2 space-y-2 text-sm">
                {l.cases.map((c) => (
                  <li key={c.id} className="rounded-md border border-gray-200 bg-white p-3">
                    <p className="font-medium capitalize">
                      {c.status} · {c.createdAt.toISOString().slice(0, 10)}
                    </p>
                    <p className="text-muted">{c.reasons.map((r) => r.message).join(" ")}</p>
                    {c.resolution ? <p>Decision: {c.resolution}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
