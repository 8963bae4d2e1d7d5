import { STATUS_LABELS } from "@/lib/catalog/listing-status";
import type { ProductStatus } from "@/lib/generated/prisma/enums";

const STYLES: Record<ProductStatus, string> = {
  draft: "bg-gray-100 text-gray-800",
  pending_review: "bg-amber-100 text-amber-900",
  active: "bg-green-100 text-green-900",
  rejected: "bg-red-100 text-red-900",
  suspended: "bg-red-100 text-red-900",
  archived: "bg-gray-100 text-gray-600",
};

export function StatusBadge({ status }: { status: ProductStatus }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${STYLES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
