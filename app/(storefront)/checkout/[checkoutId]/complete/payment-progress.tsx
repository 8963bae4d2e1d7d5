"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type Seen = { status: string; paymentStatus: string | null };

const FAST_MS = 1500;
const SLOW_MS = 5000;
const PATIENT_MS = 60_000;

/**
 * Waits for the payment webhook: polls the checkout through the public API and re-renders the
 * page (server data, and the header's cart badge) when anything it showed has changed.
 */
export function PaymentProgress({ checkoutId, seen, waiting }: { checkoutId: string; seen: Seen; waiting: boolean }) {
  const router = useRouter();
  const [slow, setSlow] = useState(false);
  const refreshed = useRef(false);

  // The cart was emptied when the order was placed; the layout above this page was rendered before.
  useEffect(() => {
    if (refreshed.current) return;
    refreshed.current = true;
    router.refresh();
  }, [router]);

  useEffect(() => {
    if (!waiting) return;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const poll = async () => {
      const res = await fetch(`/api/v1/checkouts/${checkoutId}`, { cache: "no-store" }).catch(() => null);
      const body = (await res?.json().catch(() => null)) as {
        status?: string;
        payment?: { status: string } | null;
      } | null;
      if (stopped) return;
      if (body?.status && (body.status !== seen.status || (body.payment?.status ?? null) !== seen.paymentStatus)) {
        router.refresh();
        return;
      }
      const patient = Date.now() - started > PATIENT_MS;
      setSlow(patient);
      timer = setTimeout(poll, patient ? SLOW_MS : FAST_MS);
    };
    timer = setTimeout(poll, FAST_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [checkoutId, seen.status, seen.paymentStatus, waiting, router]);

  if (!waiting) return null;
  return (
    <div role="status" className="flex items-start gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm">
      <span
        aria-hidden
        className="mt-0.5 h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
      />
      <p>
        {slow
          ? "Your card was charged, and the confirmation is taking longer than usual. You can leave this page: we'll email you as soon as your orders are confirmed."
          : "Your card was charged. Confirming your payment with the card network… this usually takes a few seconds."}
      </p>
    </div>
  );
}
