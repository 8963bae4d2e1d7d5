import type { Tx } from "@/lib/db/client";

export type CaseReason = { code: string; message: string };

/**
 * Puts a review in the admin moderation queue: opens a case for it, or adds the reason to
 * the one already open. The review row is locked first, so concurrent reports of the same
 * review end up in one case.
 */
export async function openReviewCase(
  tx: Tx,
  opts: { reviewId: string; reason: CaseReason },
): Promise<{ caseId: string; opened: boolean }> {
  await tx.$queryRaw`SELECT id FROM reviews WHERE id = ${opts.reviewId}::uuid FOR NO KEY UPDATE`;
  const open = await tx.moderationCase.findFirst({
    where: { subjectType: "review", reviewId: opts.reviewId, status: "open" },
    select: { id: true, reasons: true },
  });
  if (open) {
    const reasons = (open.reasons as CaseReason[]) ?? [];
    if (!reasons.some((r) => r.code === opts.reason.code))
      await tx.moderationCase.update({ where: { id: open.id }, data: { reasons: [...reasons, opts.reason] } });
    return { caseId: open.id, opened: false };
  }
  const created = await tx.moderationCase.create({
    data: { subjectType: "review", subjectId: opts.reviewId, reviewId: opts.reviewId, reasons: [opts.reason] },
    select: { id: true },
  });
  return { caseId: created.id, opened: true };
}
