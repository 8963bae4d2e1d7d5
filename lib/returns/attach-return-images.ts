import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Puts the buyer's photos on a return, in order. Each must be their own processed return
 * image, not on another return; anything else is refused by its position.
 */
export async function attachReturnImages(
  tx: Tx,
  opts: { returnId: string; userId: string; uploadIds: string[] },
): Promise<void> {
  if (opts.uploadIds.length === 0) return;
  if (new Set(opts.uploadIds).size !== opts.uploadIds.length)
    throw new AppError("validation_failed", "The same photo is listed twice.", {
      fields: { images: "duplicate image" },
    });
  const uploads = await tx.upload.findMany({
    where: { id: { in: opts.uploadIds }, userId: opts.userId, purpose: "return_image" },
    select: { id: true, status: true, rejectReason: true, returnImage: { select: { returnId: true } } },
  });
  const byId = new Map(uploads.map((u) => [u.id, u]));
  for (const [i, id] of opts.uploadIds.entries()) {
    const u = byId.get(id);
    if (!u)
      throw new AppError("validation_failed", `Photo ${i + 1} was not found among your uploaded return photos.`, {
        fields: { images: "unknown image" },
      });
    if (u.status === "rejected")
      throw new AppError("validation_failed", `Photo ${i + 1} was rejected: ${u.rejectReason ?? "invalid image"}.`, {
        fields: { images: "rejected image" },
      });
    if (u.status !== "ready")
      throw new AppError("conflict", `Photo ${i + 1} is still processing. Try again in a moment.`, {
        fields: { images: "processing" },
      });
    if (u.returnImage)
      throw new AppError("validation_failed", `Photo ${i + 1} is already on another return.`, {
        fields: { images: "in use" },
      });
  }
  await tx.returnImage.createMany({
    data: opts.uploadIds.map((uploadId, position) => ({ returnId: opts.returnId, uploadId, position })),
  });
}
