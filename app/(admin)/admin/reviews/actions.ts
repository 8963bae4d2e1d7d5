"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { resolveReviewCase } from "@/lib/reviews/moderate/resolve-review-case";
import { restoreReview } from "@/lib/reviews/moderate/restore-review";

export type ReviewDecisionState = { error?: string; message?: string };

export async function decideReviewCaseAction(
  caseId: string,
  _prev: ReviewDecisionState,
  form: FormData,
): Promise<ReviewDecisionState> {
  try {
    const admin = await requireUser("admin");
    const r = await resolveReviewCase({
      caseId,
      adminId: admin.id,
      input: { decision: form.get("decision"), note: String(form.get("note") ?? "") || undefined },
    });
    revalidatePath("/admin/reviews");
    return {
      message:
        r.reviewStatus === "hidden"
          ? "Hidden: the review is off the product page and out of its rating."
          : "Kept: the review stays on the product page.",
    };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}

export async function restoreReviewAction(
  caseId: string,
  _prev: ReviewDecisionState,
  form: FormData,
): Promise<ReviewDecisionState> {
  try {
    const admin = await requireUser("admin");
    await restoreReview({ caseId, adminId: admin.id, note: String(form.get("note") ?? "") });
    revalidatePath("/admin/reviews");
    return { message: "Restored: the review is back on the product page and in its rating." };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}
