"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const FAST_MS = 2000;
const SLOW_MS = 10_000;
const PATIENT_MS = 60_000;
const GIVE_UP_MS = 15 * 60_000;

/** At most this many listings in review are asked about per round (a list page shows 20). */
const MAX_WATCHED = 10;

/**
 * While listings are in review, asks the seller API for their status and re-renders the page
 * (badges, reason, the shop link) as soon as moderation decides one, without a reload. `announce`
 * shows a line saying so (a listing's own page).
 */
export function ListingStatusWatcher({
  sellerId,
  listings,
  announce = false,
}: {
  sellerId: string;
  listings: { id: string; status: string }[];
  announce?: boolean;
}) {
  const router = useRouter();
  const [slow, setSlow] = useState(false);
  // A string key, so a re-render with the same listings doesn't restart the polling.
  const watched = listings
    .filter((l) => l.status === "pending_review")
    .slice(0, MAX_WATCHED)
    .map((l) => l.id)
    .join(",");
  const waiting = watched !== "";

  useEffect(() => {
    if (!waiting) return;
    const started = Date.now();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const statusOf = async (id: string) => {
      const res = await fetch(`/api/v1/sellers/${sellerId}/products/${id}`, { cache: "no-store" }).catch(() => null);
      return ((await res?.json().catch(() => null)) as { status?: string } | null)?.status;
    };
    const poll = async () => {
      const now = await Promise.all(watched.split(",").map(statusOf));
      if (stopped) return;
      if (now.some((s) => s !== undefined && s !== "pending_review")) {
        router.refresh();
        return;
      }
      const elapsed = Date.now() - started;
      setSlow(elapsed > PATIENT_MS);
      if (elapsed < GIVE_UP_MS) timer = setTimeout(poll, elapsed > PATIENT_MS ? SLOW_MS : FAST_MS);
    };
    timer = setTimeout(poll, FAST_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [sellerId, watched, waiting, router]);

  if (!waiting || !announce) return null;
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-muted">
      <span
        aria-hidden
        className="h-3 w-3 shrink-0 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
      />
      {slow
        ? "Still in review: a person is looking at it. This page updates when they decide, and we email you too."
        : "In review: most listings are checked within seconds. This page updates by itself."}
    </p>
  );
}
