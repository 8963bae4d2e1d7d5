import Link from "next/link";

import { AcceptReturnForm, ReturnButton, ReturnNoteForm } from "@/components/returns/return-action-forms";
import { ReturnCard } from "@/components/returns/return-card";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageSeller } from "@/lib/auth/guards";
import { getSellerReturnAddress } from "@/lib/returns/get-seller-return-address";
import { listSellerReturns, type SellerReturnFilter } from "@/lib/returns/list-seller-returns";

import { acceptReturnAction, confirmReturnReceiptAction, declineReturnAction } from "./actions";

export const metadata = { title: "Returns" };

const FILTERS: { value: SellerReturnFilter; label: string }[] = [
  { value: "to-decide", label: "To decide" },
  { value: "on-the-way", label: "Accepted" },
  { value: "declined", label: "Declined" },
  { value: "done", label: "Refunded & withdrawn" },
];

const DONE: Record<string, string> = {
  accepted: "Accepted. The buyer has been sent a prepaid return label; confirm receipt here when the parcel arrives.",
  declined: "Declined. The buyer has been told why; they may ask the marketplace to review it.",
  received: "Received. The items are back in stock and the buyer is refunded for them.",
};

export default async function SellerReturnsPage({
  searchParams,
}: {
  searchParams: Promise<{ filter?: string; page?: string; done?: string }>;
}) {
  const seller = await requirePageSeller("/seller/returns");
  const sp = await searchParams;
  const filter = FILTERS.find((f) => f.value === sp.filter) ?? FILTERS[0];
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const [{ rows, total }, address] = await Promise.all([
    listSellerReturns({ sellerId: seller.sellerId, filter: filter.value, page }),
    getSellerReturnAddress(seller.sellerId),
  ]);
  return (
    <div>
      <PageHeader
        title="Returns"
        description="Accept a return and the buyer gets a prepaid label to your address; confirm receipt when the parcel arrives and the buyer is refunded for those items."
      />
      {sp.done && DONE[sp.done] ? (
        <div className="mb-4">
          <Alert tone="success">{DONE[sp.done]}</Alert>
        </div>
      ) : null}
      <nav aria-label="Filter returns" className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={`/seller/returns?filter=${f.value}`}
            aria-current={f.value === filter.value ? "page" : undefined}
            className={`rounded-full border px-3 py-1.5 text-sm ${f.value === filter.value ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-gray-300 bg-white"}`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <p className="mb-3 text-sm text-muted">
        {total} {total === 1 ? "return" : "returns"}
      </p>
      {rows.length === 0 ? (
        <EmptyState>No returns here.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => (
            <li key={r.id}>
              <ReturnCard
                r={r}
                heading={
                  <p className="text-xs text-muted">
                    From {r.buyer} · order{" "}
                    <Link href={`/orders/${r.orderId}`} className="underline">
                      #{r.orderId.slice(0, 8)}
                    </Link>
                  </p>
                }
              >
                {r.status === "requested" ? (
                  <>
                    <AcceptReturnForm
                      id={`accept-${r.id}`}
                      action={acceptReturnAction.bind(null, r.id)}
                      address={address}
                    />
                    <ReturnNoteForm
                      id={`decline-${r.id}`}
                      action={declineReturnAction.bind(null, r.id)}
                      summary="Decline this return"
                      label="Why are you declining? The buyer reads this."
                      button="Decline the return"
                      variant="danger"
                    />
                  </>
                ) : null}
                {["accepted", "in_transit", "delivered"].includes(r.status) && !r.refundTrigger ? (
                  <ReturnButton
                    action={confirmReturnReceiptAction.bind(null, r.id)}
                    label="Confirm the parcel arrived"
                    pendingLabel="Refunding the buyer…"
                    variant="primary"
                  />
                ) : null}
              </ReturnCard>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 20)}
        href={(p) => `/seller/returns?filter=${filter.value}&page=${p}`}
        previousLabel="Previous returns"
        nextLabel="More returns"
      />
    </div>
  );
}
