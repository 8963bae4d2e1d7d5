import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requirePageSeller } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { refreshSellerAccount } from "@/lib/payments/connect-onboarding";
import { getSellerBalance } from "@/lib/payments/get-seller-balance";
import { getSellerOverview } from "@/lib/seller/get-seller-overview";
import { startOnboardingAction } from "./actions";
import { OnboardingButton } from "./onboarding-button";

export const metadata = { title: "Payments" };

const LINE_LABEL: Record<string, string> = { release: "Order paid to you", commission: "Commission", payout: "Payout to your bank", reversal: "Refund after payout", adjustment: "Adjustment", capture: "Capture", refund: "Refund" };

export default async function SellerPaymentsPage({ searchParams }: { searchParams: Promise<{ returned?: string }> }) {
  const seller = await requirePageSeller("/seller/payments");
  const { returned } = await searchParams;
  const account = returned ? await refreshSellerAccount(seller.sellerId).catch(() => null) : null;
  const [overview, balance] = await Promise.all([getSellerOverview(seller.sellerId), getSellerBalance(seller.sellerId)]);
  const money = (c: number) => formatMoney(c, balance.currency);
  return (
    <div className="space-y-6">
      <PageHeader title="Payments" description="Buyers pay the marketplace; your share is held until they confirm delivery, then paid to your account, and paid out daily." />
      {overview.payoutsEnabled ? (
        <Alert tone="success">Your payout account is connected. You can publish listings and receive payments.</Alert>
      ) : (
        <div className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-5">
          <p className="font-medium text-amber-900">Connect a payout account to publish listings and get paid.</p>
          {account?.requirements.length ? <p className="text-sm text-amber-900">Still needed: {account.requirements.join(", ")}.</p> : null}
          <OnboardingButton action={startOnboardingAction} label={returned ? "Continue setting up payouts" : "Set up payouts with Stripe"} />
        </div>
      )}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Held until delivery" value={money(balance.heldCents)} hint="Paid orders not yet confirmed" />
        <StatCard label="Available" value={money(balance.availableCents)} hint="Paid out in the next daily payout" />
        <StatCard label="Paid out" value={money(balance.paidOutCents)} />
        <StatCard label="Owed back" value={money(balance.receivableCents)} hint="Refunds after payout, netted from payouts" />
      </div>
      <section aria-labelledby="ledger-heading" className="rounded-xl border border-gray-200 bg-white">
        <h2 id="ledger-heading" className="border-b border-gray-100 px-4 py-3 font-semibold">Ledger</h2>
        {balance.lines.length === 0 ? <p className="p-4 text-sm text-muted">No money has moved yet.</p> : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="bg-gray-50 text-left text-xs uppercase text-muted"><tr><th scope="col" className="px-4 py-2">When</th><th scope="col" className="px-4 py-2">What</th><th scope="col" className="px-4 py-2">Order</th><th scope="col" className="px-4 py-2 text-right">Amount</th></tr></thead>
              <tbody className="divide-y divide-gray-100">
                {balance.lines.map((l) => {
                  const incoming = l.incoming;
                  return (
                    <tr key={l.id}>
                      <td className="px-4 py-2 whitespace-nowrap">{l.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                      <td className="px-4 py-2">{LINE_LABEL[l.entryType] ?? l.entryType}</td>
                      <td className="px-4 py-2 font-mono text-xs">{l.orderId?.slice(0, 8) ?? "—"}</td>
                      <td className={`px-4 py-2 text-right font-medium ${incoming ? "text-green-800" : ""}`}>{incoming ? "+" : "−"}{money(l.amountCents)}</td>
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
          <h2 id="payouts-heading" className="mb-2 font-semibold">Payouts</h2>
          <ul className="space-y-1 text-sm">
            {balance.payouts.map((p) => <li key={p.id}>{p.createdAt.toISOString().slice(0, 10)} · {money(p.amountCents)} · {p.status.replace("_", " ")}{p.failureMessage ? ` (${p.failureMessage})` : ""}</li>)}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
