import { availableParallelism } from "node:os";

import type { ObjectStorage } from "@/lib/storage/object-storage";
import { writeImageVariants, type ImageVariant } from "@/lib/storage/write-image-variants";

import type { planDemoCatalogue, PlannedImage } from "./plan-demo-catalogue";
import { renderPlaceholderImage } from "./render-placeholder-image";

export type RenderedImage = { byteSize: number; width: number; height: number; variants: ImageVariant[] };

/**
 * Renders and stores every planned product image with its variants, before the seeding
 * transaction (no storage call runs inside one), as many at once as the machine has cores.
 * Progress counts a product as done once every image of its leaf category is rendered.
 */
export async function renderDemoImages(opts: {
  storage: ObjectStorage;
  plan: ReturnType<typeof planDemoCatalogue>;
  total: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<Map<string, RenderedImage>> {
  const { plan, total } = opts;
  const imagesLeft = new Map<string, number>();
  const productsIn = new Map<string, number>();
  for (const image of plan.images) imagesLeft.set(image.leaf.slug, (imagesLeft.get(image.leaf.slug) ?? 0) + 1);
  for (const p of plan.products) productsIn.set(p.leaf.slug, (productsIn.get(p.leaf.slug) ?? 0) + 1);
  let done = 0;
  opts.onProgress?.(done, total);

  const rendered = new Map<string, RenderedImage>();
  await forEachConcurrently(plan.images, Math.max(2, availableParallelism()), async (image) => {
    rendered.set(image.uploadId, await renderImage(opts.storage, image));
    const left = imagesLeft.get(image.leaf.slug)! - 1;
    imagesLeft.set(image.leaf.slug, left);
    if (left === 0) {
      done += productsIn.get(image.leaf.slug)!;
      opts.onProgress?.(done, total);
    }
  });
  return rendered;
}

async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

async function renderImage(storage: ObjectStorage, image: PlannedImage): Promise<RenderedImage> {
  const original = await renderPlaceholderImage({
    hue: image.leaf.top.hue + image.leaf.position * 12,
    kind: image.leaf.slug,
    title: image.leaf.name,
    subtitle: image.leaf.top.name,
    variant: image.variant,
  });
  await storage.put(image.originalKey, original, "image/jpeg");
  const { width, height, variants } = await writeImageVariants({ storage, uploadId: image.uploadId, input: original });
  return { byteSize: original.length, width, height, variants };
}
