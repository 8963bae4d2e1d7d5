import type { Prisma } from "@/lib/generated/prisma/client";

import { insertInBatches } from "./insert-in-batches";
import type { planDemoCatalogue } from "./plan-demo-catalogue";
import type { RenderedImage } from "./render-demo-images";

/** The rendered images as ready uploads, and each listing's gallery pointing at their largest variant. */
export async function insertDemoImages(
  opts: { plan: ReturnType<typeof planDemoCatalogue>; rendered: Map<string, RenderedImage> },
  tx: Prisma.TransactionClient,
) {
  const { plan, rendered } = opts;
  const uploadRows: Prisma.UploadCreateManyInput[] = plan.images.map((image) => {
    const { byteSize, width, height, variants } = rendered.get(image.uploadId)!;
    return {
      id: image.uploadId,
      userId: image.ownerUserId,
      purpose: "product_image",
      status: "ready",
      contentType: "image/jpeg",
      byteSize,
      originalKey: image.originalKey,
      width,
      height,
      variants,
    };
  });
  const uploads = await insertInBatches(uploadRows, (data) => tx.upload.createMany({ data }));

  // An upload can back one product image (upload_id is unique); later uses share its files.
  const claimed = new Set<string>();
  const imageRows: Prisma.ProductImageCreateManyInput[] = plan.products.flatMap((p) =>
    p.images.map((image, position) => {
      const variants = rendered.get(image.uploadId)!.variants;
      const largest = variants[variants.length - 1];
      const owns = !claimed.has(image.uploadId);
      claimed.add(image.uploadId);
      return {
        productId: p.id,
        uploadId: owns ? image.uploadId : null,
        s3Key: largest.key,
        position,
        width: largest.width,
        height: largest.height,
        altText: p.title,
      };
    }),
  );
  const productImages = await insertInBatches(imageRows, (data) => tx.productImage.createMany({ data }));
  return { uploads, productImages };
}
