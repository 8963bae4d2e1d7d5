"use server";

import { revalidatePath } from "next/cache";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { resolveReviewCase } from "@/lib/reviews/moderate/resolve-review-case";
import { restoreReview } from "@/lib/reviews/moderate/restore-review";
import { ZReviewCaseDecision } from "@/lib/reviews/review-input";

export type ReviewDecisionState = { error?: string; message?: string };

export const decideReviewCaseAction = serverAction(
  {
    access: "admin",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZReviewCaseDecision,
    input: (_caseId: string, _prev: ReviewDecisionState, form: FormData) => ({
      decision: form.get("decision"),
      note: String(form.get("note") ?? "") || undefined,
    }),
  },
  async (
    { user, input },
    caseId: string,
    _prev: ReviewDecisionState,
    _form: FormData,
  ): Promise<ReviewDecisionState> => {
    const r = await resolveReviewCase({ caseId, adminId: user.id, input });
    revalidatePath("/admin/reviews");
    return {
      message:
        r.reviewStatus === "hidden"
          ? "Hidden: the review is off the product page and out of its rating."
          : "Kept: the review stays on the product page.",
    };
  },
);

export const restoreReviewAction = serverAction(
  { access: "admin", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, caseId: string, _prev: ReviewDecisionState, form: FormData): Promise<ReviewDecisionState> => {
    await restoreReview({ caseId, adminId: user.id, note: String(form.get("note") ?? "") });
    revalidatePath("/admin/reviews");
    return { message: "Restored: the review is back on the product page and in its rating." };
  },
);
