import type { ReactNode } from "react";

import { formatMoney } from "@/lib/money/format-money";
import type { ReturnView } from "@/lib/returns/return-view";

import { ReturnStatusBadge } from "./return-status-badge";

const day = (d: Date) => d.toISOString().slice(0, 10);
const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const WHO: Record<string, string> = {
  buyer: "Buyer",
  seller: "Seller",
  admin: "Marketplace",
  system: "Automatically",
  webhook: "Carrier",
};

/** One return as its buyer, seller or an admin sees it; actions for the viewer come as children. */
export function ReturnCard({ r, heading, children }: { r: ReturnView; heading?: ReactNode; children?: ReactNode }) {
  const money = (c: number) => formatMoney(c, r.currency);
  return (
    <article
      aria-label={`Return of ${r.items.map((i) => i.title).join(", ")}`}
      className="rounded-lg border border-gray-200 bg-white p-4 text-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          {heading}
          <ul className="font-medium">
            {r.items.map((i) => (
              <li key={i.orderItemId}>
                {i.quantity} × {i.title}{" "}
                <span className="font-normal text-muted">({money(i.quantity * i.unitPriceCents)})</span>
              </li>
            ))}
          </ul>
          <p className="text-muted">
            Requested {day(r.createdAt)} · {r.reasonLabel}
          </p>
        </div>
        <ReturnStatusBadge status={r.status} />
      </div>
      {r.note ? (
        <p className="mt-2 whitespace-pre-line">
          <span className="font-medium">Note:</span> {r.note}
        </p>
      ) : null}
      {r.images.length ? (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Photos">
          {r.images.map((img, i) => (
            <li key={img.uploadId}>
              {/* eslint-disable-next-line @next/next/no-img-element -- stored variants are already sized WebP */}
              <a href={img.url} target="_blank" rel="noreferrer">
                <img
                  src={img.url}
                  alt={`Return photo ${i + 1}`}
                  width={80}
                  height={80}
                  className="h-20 w-20 rounded-md border border-gray-200 object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {r.declineReason ? (
        <p className="mt-2">
          <span className="font-medium">Seller&apos;s reason for declining:</span> {r.declineReason}
        </p>
      ) : null}
      {r.escalationNote ? (
        <p className="mt-1">
          <span className="font-medium">Buyer&apos;s reply:</span> {r.escalationNote}
        </p>
      ) : null}
      {r.adminNote ? (
        <p className="mt-1">
          <span className="font-medium">Marketplace decision:</span> {r.adminNote}
        </p>
      ) : null}
      {r.trackingNumber ? (
        <p className="mt-2">
          {r.carrier} tracking <span className="font-mono">{r.trackingNumber}</span>
          {r.labelUrl ? (
            <>
              {" "}
              ·{" "}
              <a href={r.labelUrl} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline">
                Print return label (PDF)
              </a>
            </>
          ) : null}
        </p>
      ) : r.status === "accepted" ? (
        <p className="mt-2 text-muted">
          The carrier is preparing the return label; it appears here and in an email shortly.
        </p>
      ) : null}
      {r.status === "refunded" && r.refundedCents !== null ? (
        <p className="mt-2 font-medium text-green-800">
          Refunded {money(r.refundedCents)}
          {r.refundedAt ? ` on ${day(r.refundedAt)}` : ""}
          {r.refundTrigger === "carrier_delivered" ? " (the carrier delivered it and the seller did not respond)" : ""}.
        </p>
      ) : r.refundTrigger ? (
        <p className="mt-2 text-muted">Refund of {money(r.itemsCents)} for these items under way.</p>
      ) : ["accepted", "in_transit", "delivered"].includes(r.status) ? (
        <p className="mt-2 text-muted">
          Refund due for these items: {money(r.itemsCents)}
          {r.autoRefundAt
            ? `, automatically on ${day(r.autoRefundAt)} unless the seller confirms receipt first`
            : ", once the seller confirms receipt"}
          .
        </p>
      ) : null}
      {children ? <div className="mt-3 space-y-3 border-t border-gray-100 pt-3">{children}</div> : null}
      <details className="mt-3">
        <summary className="cursor-pointer text-xs text-muted">History</summary>
        <ol className="mt-2 space-y-1 border-l border-gray-200 pl-3 text-xs text-muted">
          {r.changes.map((c, i) => (
            <li key={i}>
              {minute(c.createdAt)} · {c.toStatus.replace("_", " ")} · {WHO[c.actorType] ?? c.actorType}
              {c.note ? ` · ${c.note}` : ""}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
