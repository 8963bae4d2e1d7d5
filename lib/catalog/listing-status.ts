import { AppError } from "@/lib/errors/app-error";
import type { ProductStatus } from "@/lib/generated/prisma/enums";

export type ListingAction = "submit" | "approve" | "reject" | "suspend" | "reinstate" | "archive" | "withdraw" | "edit";

// The listing lifecycle in one table: draft → pending_review → active, rejected, suspended by
// an admin, archived by the seller. Anything not listed is refused.
const TRANSITIONS: Record<ListingAction, Partial<Record<ProductStatus, ProductStatus>>> = {
  submit: { draft: "pending_review", rejected: "pending_review" },
  approve: { pending_review: "active" },
  reject: { pending_review: "rejected" },
  suspend: { active: "suspended", pending_review: "suspended" },
  reinstate: { suspended: "active" },
  archive: { draft: "archived", pending_review: "archived", active: "archived", rejected: "archived" },
  withdraw: { pending_review: "draft" },
  // A material edit of a live listing sends it back to review; other states keep theirs.
  edit: { draft: "draft", pending_review: "pending_review", rejected: "rejected", active: "pending_review" },
};

const VERBS: Record<ListingAction, string> = {
  submit: "submit",
  approve: "approve",
  reject: "reject",
  suspend: "suspend",
  reinstate: "reinstate",
  archive: "delete",
  withdraw: "withdraw",
  edit: "edit",
};

export function nextListingStatus(from: ProductStatus, action: ListingAction): ProductStatus {
  const to = TRANSITIONS[action][from];
  if (!to)
    throw new AppError("conflict", `You can't ${VERBS[action]} a listing that is ${from.replace("_", " ")}.`, {
      from,
      action,
    });
  return to;
}

export function canListing(from: ProductStatus, action: ListingAction): boolean {
  return TRANSITIONS[action][from] !== undefined;
}

export const STATUS_LABELS: Record<ProductStatus, string> = {
  draft: "Draft",
  pending_review: "In review",
  active: "Live",
  rejected: "Rejected",
  suspended: "Suspended",
  archived: "Deleted",
};
