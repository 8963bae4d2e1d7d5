import type { ReturnStatus } from "@/lib/generated/prisma/enums";

const STYLES: Record<ReturnStatus, [string, string]> = {
  requested: ["Return requested", "bg-amber-100 text-amber-900"],
  declined: ["Return declined", "bg-red-100 text-red-900"],
  escalated: ["Under review", "bg-amber-100 text-amber-900"],
  rejected: ["Return closed", "bg-gray-100 text-gray-700"],
  cancelled: ["Return withdrawn", "bg-gray-100 text-gray-700"],
  accepted: ["Return accepted", "bg-blue-100 text-blue-900"],
  in_transit: ["On its way back", "bg-indigo-100 text-indigo-900"],
  delivered: ["Delivered to seller", "bg-indigo-100 text-indigo-900"],
  received: ["Received by seller", "bg-green-100 text-green-900"],
  refunded: ["Refunded", "bg-green-100 text-green-900"],
};

export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  const [label, style] = STYLES[status];
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${style}`}>{label}</span>;
}
