const STYLES: Record<string, [string, string]> = {
  pending: ["Awaiting payment", "bg-amber-100 text-amber-900"],
  paid: ["Paid", "bg-blue-100 text-blue-900"],
  shipped: ["Shipped", "bg-indigo-100 text-indigo-900"],
  delivered: ["Delivered", "bg-green-100 text-green-900"],
  completed: ["Completed", "bg-green-100 text-green-900"],
  cancelled: ["Cancelled", "bg-gray-100 text-gray-700"],
  refunded: ["Refunded", "bg-gray-100 text-gray-700"],
  disputed: ["Disputed", "bg-red-100 text-red-900"],
};

export function OrderStatusBadge({ status }: { status: string }) {
  const [label, style] = STYLES[status] ?? [status, "bg-gray-100 text-gray-700"];
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${style}`}>{label}</span>;
}
