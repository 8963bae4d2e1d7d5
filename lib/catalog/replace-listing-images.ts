import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

type Variant = { width: number; height: number; key: string };

/**
 * Makes a listing's images exactly the given uploads, in order. Each upload must be the
 * seller's own, a product image, and processed ("ready"); anything else is refused by name.
 */
export async function replaceListingImages(
  tx: Tx,
  opts: { productId: string; userId: string; uploadIds: string[] },
): Promise<void> {
  if (new Set(opts.uploadIds).size !== opts.uploadIds.length)
    throw new AppError("validation_failed", "The same image is listed twice.");
  const uploads = opts.uploadIds.length
    ? await tx.upload.findMany({
        where: { id: { in: opts.uploadIds }, userId: opts.userId, purpose: "product_image" },
        include: { productImage: { select: { productId: true } } },
      })
    : [];
  const byId = new Map(uploads.map((u) => [u.id, u]));
  for (const [i, id] of opts.uploadIds.entries()) {
    const u = byId.get(id);
    if (!u)
      throw new AppError("validation_failed", `Image ${i + 1} was not found among your uploads.`, {
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
    if (u.productImage && u.productImage.productId !== opts.productId)
      throw new AppError("validation_failed", `Image ${i + 1} belongs to another listing.`, {
        fields: { images: "in use" },
      });
  }
  await tx.productImage.deleteMany({
    where: { productId: opts.productId, OR: [{ uploadId: null }, { uploadId: { notIn: opts.uploadIds } }] },
  });
  for (const [position, id] of opts.uploadIds.entries()) {
    const u = byId.get(id)!;
    const variants = (u.variants as Variant[]) ?? [];
    const largest = variants.reduce<Variant | null>((a, v) => (!a || v.width > a.width ? v : a), null);
    const data = {
      position,
      s3Key: largest?.key ?? u.originalKey,
      width: largest?.width ?? u.width ?? 1,
      height: largest?.height ?? u.height ?? 1,
    };
    await tx.productImage.upsert({
      where: { uploadId: id },
      create: { productId: opts.productId, uploadId: id, ...data },
      update: data,
    });
  }
}
