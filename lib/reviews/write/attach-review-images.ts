import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Makes a review's images exactly the given uploads, in order. Each must be the reviewer's
 * own review image, processed ("ready"), and not already on another review; anything else is
 * refused by its position.
 */
export async function attachReviewImages(
  tx: Tx,
  opts: { reviewId: string; userId: string; uploadIds: string[] },
): Promise<void> {
  if (new Set(opts.uploadIds).size !== opts.uploadIds.length)
    throw new AppError("validation_failed", "The same image is listed twice.", {
      fields: { images: "duplicate image" },
    });
  const uploads = opts.uploadIds.length
    ? await tx.upload.findMany({
        where: { id: { in: opts.uploadIds }, userId: opts.userId, purpose: "review_image" },
        select: { id: true, status: true, rejectReason: true, reviewImage: { select: { reviewId: true } } },
      })
    : [];
  const byId = new Map(uploads.map((u) => [u.id, u]));
  for (const [i, id] of opts.uploadIds.entries()) {
    const u = byId.get(id);
    if (!u)
      throw new AppError("validation_failed", `Image ${i + 1} was not found among your uploaded review photos.`, {
        fields: { images: "unknown image" },
      });
    if (u.status === "rejected")
      throw new AppError("validation_failed", `Image ${i + 1} was rejected: ${u.rejectReason ?? "invalid image"}.`, {
        fields: { images: "rejected image" },
      });
    if (u.status !== "ready")
      throw new AppError("conflict", `Image ${i + 1} is still processing. Try again in a moment.`, {
        fields: { images: "processing" },
      });
    if (u.reviewImage && u.reviewImage.reviewId !== opts.reviewId)
      throw new AppError("validation_failed", `Image ${i + 1} is already on another review.`, {
        fields: { images: "in use" },
      });
  }
  await tx.reviewImage.deleteMany({ where: { reviewId: opts.reviewId, uploadId: { notIn: opts.uploadIds } } });
  for (const [position, uploadId] of opts.uploadIds.entries()) {
    await tx.reviewImage.upsert({
      where: { uploadId },
      create: { reviewId: opts.reviewId, uploadId, position },
      update: { position },
    });
  }
}
