import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getSellerOverview } from "@/lib/analytics/get-seller-overview";
import { requirePageSeller } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { listParkedReleases, type ParkedRelease } from "@/lib/payments/list-parked-releases";
import { listSellerChargebacks } from "@/lib/payments/list-seller-chargebacks";
import { releaseBlockFix } from "@/lib/payments/release-block-fix";
import { waitsForSeller } from "@/lib/payments/waits-for-seller";
import { getSellerBalance } from "@/lib/payouts/get-seller-balance";
import { refreshSellerAccount } from "@/lib/sellers/refresh-seller-account";

import { startOnboardingAction } from "./actions";
import { OnboardingButton } from "./onboarding-button";

export const metadata = { title: "Payments" };

const WHEN = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const LINE_LABEL: Record<string, string> = {
  release: "Order paid to you",
  commission: "Commission",
  payout: "Payout to your bank",
  reversal: "Refund after payout",
  adjustment: "Adjustment",
  capture: "Capture",
  refund: "Refund",
  chargeback: "Card chargeback",
  chargeback_reversal: "Chargeback won: money back",
  chargeback_fee: "Chargeback fee",
};
const CHARGEBACK_STATUS: Record<string, string> = {
  open: "Open: the card network is deciding",
  won: "Won: the money is back",
  lost: "Lost: the buyer's bank kept it",
};

export default async function SellerPaymentsPage({ searchParams }: { searchParams: Promise<{ returned?: string }> }) {
  const seller = await requirePageSeller("/seller/payments");
  const { returned } = await searchParams;
  const account = returned ? await refreshSellerAccount({ sellerId: seller.sellerId }).catch(() => null) : null;
  const [overview, balance, parked, chargebacks] = await Promise.all([
    getSellerOverview(seller.sellerId),
    getSellerBalance(seller.sellerId),
    listParkedReleases({ sellerId: seller.sellerId }),
    listSellerChargebacks({ sellerId: seller.sellerId }),
  ]);
  const money = (c: number) => formatMoney(c, balance.currency);
  // Waiting for the account only while it can't receive money; once it can, they're on their way.
  const waitingForAccount = overview.payoutsEnabled ? [] : parked.filter((p) => waitsForSeller(p.code));
  const delayed = parked.filter((p) => !waitingForAccount.includes(p));
  const waitingCents = waitingForAccount.reduce((n, p) => n + p.amountCents, 0);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Payments"
        description="Buyers pay the marketplace; your share is held until they confirm delivery, then paid to your account, and paid out daily."
      />
      {overview.payoutsEnabled ? (
        <Alert tone="success">
          Your payout account is connected. Buyers&apos; payments are sent to it when they confirm delivery.
        </Alert>
      ) : (
        <section
          aria-labelledby="connect-heading"
          className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-5"
        >
          <h2 id="connect-heading" className="font-semibold text-amber-950">
            {waitingForAccount.length
              ? `Waiting for your payout account: connect payouts to receive ${money(waitingCents)}`
              : "Connect a payout account to get paid."}
          </h2>
          {waitingForAccount.length ? (
            <p className="text-sm text-amber-950">
              {waitingForAccount.length === 1 ? "A buyer has" : `${waitingForAccount.length} buyers have`} confirmed
              delivery. The money is held safely and sent the moment your account can receive it: nothing else to do.
            </p>
          ) : (
            <p className="text-sm text-amber-950">
              Buyers can already buy from you; their payments wait in escrow until your account is connected.
            </p>
          )}
          {account?.requirements.length ? (
            <p className="text-sm text-amber-950">Still needed: {account.requirements.join(", ")}.</p>
          ) : null}
          <OnboardingButton
            action={startOnboardingAction}
            label={returned ? "Continue setting up payouts" : "Set up payouts with Stripe"}
          />
          {waitingForAccount.length ? <ParkedList rows={waitingForAccount} money={money} showFix={false} /> : null}
        </section>
      )}
      {delayed.length ? (
        <section
          aria-labelledby="delayed-heading"
          className="space-y-3 rounded-xl border border-amber-300 bg-white p-5"
        >
          <h2 id="delayed-heading" className="font-semibold">
            Payments on their way to you
          </h2>
          <p className="text-sm text-muted">
            These buyers confirmed delivery, but the transfer to your account hasn&apos;t gone through yet. It is
            retried automatically; you&apos;ll get an email when it&apos;s sent.
          </p>
          <ParkedList rows={delayed} money={money} showFix />
        </section>
      ) : null}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Held until delivery" value={money(balance.heldCents)} hint="Paid orders not yet confirmed" />
        <StatCard label="Available" value={money(balance.availableCents)} hint="Paid out in the next daily payout" />
        <StatCard label="Paid out" value={money(balance.paidOutCents)} />
        <StatCard
          label="Owed back"
          value={money(balance.receivableCents)}
          hint="Refunds after payout, netted from payouts"
        />
      </div>
      {chargebacks.length ? (
        <section aria-labelledby="chargebacks-heading" className="rounded-xl border border-gray-200 bg-white">
          <h2 id="chargebacks-heading" className="border-b border-gray-100 px-4 py-3 font-semibold">
            Card chargebacks
          </h2>
          <p className="px-4 pt-3 text-sm text-muted">
            A buyer disputed the payment with their bank. While it is open the order&apos;s money is frozen; after it
            was paid to you, your share is taken back (from what you have, then owed back from later payouts) and
            returned if the dispute is won. The dispute fee is the marketplace&apos;s.
          </p>
          <ul className="divide-y divide-gray-100">
            {chargebacks.map((c) => (
              <li key={c.id} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm">
                <span>
                  Order {c.orderId.slice(0, 8)} · {c.reason.replaceAll("_", " ")} · {CHARGEBACK_STATUS[c.status]}
                </span>
                <span className="font-medium">
                  {c.stage === "released"
                    ? `${formatMoney(c.sellerShareCents, c.currency)} of your share`
                    : `${formatMoney(c.amountCents, c.currency)} frozen`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="ledger-heading" className="rounded-xl border border-gray-200 bg-white">
        <h2 id="ledger-heading" className="border-b border-gray-100 px-4 py-3 font-semibold">
          Ledger
        </h2>
        {balance.lines.length === 0 ? (
          <p className="p-4 text-sm text-muted">No money has moved yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="bg-gray-50 text-left text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    When
                  </th>
                  <th scope="col" className="px-4 py-2">
                    What
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Order
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {balance.lines.map((l) => {
                  const incoming = l.incoming;
                  return (
                    <tr key={l.id}>
                      <td className="px-4 py-2 whitespace-nowrap">
                        {l.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                      </td>
                      <td className="px-4 py-2">{LINE_LABEL[l.entryType] ?? l.entryType}</td>
                      <td className="px-4 py-2 font-mono text-xs">{l.orderId?.slice(0, 8) ?? "—"}</td>
                      <td className={`px-4 py-2 text-right font-medium ${incoming ? "text-green-800" : ""}`}>
                        {incoming ? "+" : "−"}
                        {money(l.amountCents)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {balance.payouts.length ? (
        <section aria-labelledby="payouts-heading" className="rounded-xl border border-gray-200 bg-white p-4">
          <h2 id="payouts-heading" className="mb-2 font-semibold">
            Payouts
          </h2>
          <ul className="space-y-1 text-sm">
            {balance.payouts.map((p) => (
              <li key={p.id}>
                {p.createdAt.toISOString().slice(0, 10)} · {money(p.amountCents)} · {p.status.replace("_", " ")}
                {p.failureMessage ? ` (${p.failureMessage})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ParkedList({
  rows,
  money,
  showFix,
}: {
  rows: ParkedRelease[];
  money: (cents: number) => string;
  showFix: boolean;
}) {
  return (
    <ul className="divide-y divide-amber-200 rounded-lg border border-amber-200 bg-white text-sm">
      {rows.map((p) => (
        <li key={p.orderId} className="space-y-1 px-4 py-3">
          <p className="flex flex-wrap justify-between gap-2">
            <span>
              Order <span className="font-mono">#{p.orderId.slice(0, 8)}</span> · waiting since{" "}
              {WHEN.format(p.blockedAt)} UTC
            </span>
            <span className="font-semibold">{money(p.amountCents)}</span>
          </p>
          <p>Why: {p.reason}</p>
          {showFix ? (
            <p className="text-muted">
              {releaseBlockFix(p.code, "seller")}
              {!waitsForSeller(p.code) && p.retryAt ? ` Next try ${WHEN.format(p.retryAt)} UTC.` : ""}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
