import type { ActionFormState } from "@/components/ui/action-form";
import { listOrderReturns } from "@/lib/returns/list-order-returns";

import { ReturnButton, ReturnNoteForm } from "./return-action-forms";
import { ReturnCard } from "./return-card";
import { ReturnRequestForm } from "./return-request-form";

type Action = (prev: ActionFormState, form: FormData) => Promise<ActionFormState>;

/**
 * The returns part of an order page: each return with what the viewer can do next, and for the
 * buyer the request form while the window is open and something is left to return.
 */
export async function OrderReturns({
  orderId,
  viewer,
  actions,
}: {
  orderId: string;
  viewer: { userId: string; sellerId?: string | null; isAdmin?: boolean; is: "buyer" | "seller" | "admin" };
  actions: { request: Action; cancel: (returnId: string) => Action; escalate: (returnId: string) => Action };
}) {
  const { eligibility, returnable, returns } = await listOrderReturns({
    orderId,
    userId: viewer.userId,
    sellerId: viewer.sellerId,
    isAdmin: viewer.isAdmin,
  });
  const open = returnable.filter((i) => i.returnable > 0 && !i.openReturnId);
  const canRequest = viewer.is === "buyer" && eligibility.ok && open.length > 0;
  if (!canRequest && returns.length === 0) return null;
  return (
    <section id="returns" aria-labelledby="returns-heading" className="space-y-3">
      <h2 id="returns-heading" className="font-semibold">
        Returns
      </h2>
      {returns.map((r) => (
        <ReturnCard key={r.id} r={r}>
          {viewer.is === "buyer" && r.status === "declined" ? (
            <ReturnNoteForm
              id={`escalate-${r.id}`}
              action={actions.escalate(r.id)}
              summary="Disagree? Ask the marketplace to review it"
              label="Why do you disagree with the seller?"
              button="Ask for a review"
            />
          ) : null}
          {viewer.is === "buyer" && ["requested", "declined", "accepted"].includes(r.status) ? (
            <ReturnButton action={actions.cancel(r.id)} label="Withdraw this return" pendingLabel="Withdrawing…" />
          ) : null}
          {viewer.is === "seller" && ["requested", "accepted", "in_transit", "delivered"].includes(r.status) ? (
            <p>
              <a href="/seller/returns" className="font-medium text-brand-700 underline">
                Decide or confirm receipt in your returns
              </a>
            </p>
          ) : null}
        </ReturnCard>
      ))}
      {canRequest ? (
        <ReturnRequestForm
          items={open.map((i) => ({
            id: i.id,
            title: i.title,
            returnable: i.returnable,
            unitPriceCents: i.unitPriceCents,
            currency: i.currency,
          }))}
          closesOn={eligibility.closesAt.toISOString().slice(0, 10)}
          action={actions.request}
        />
      ) : null}
    </section>
  );
}
