"use client";

import { useState } from "react";

import type { ListingImage } from "@/lib/catalog/listing-detail";

const url = (key: string) => `/media/${key}`;
const srcSet = (img: ListingImage) => img.variants.map((v) => `${url(v.key)} ${v.width}w`).join(", ");

export function ProductGallery({ images, title }: { images: ListingImage[]; title: string }) {
  const [index, setIndex] = useState(0);
  const current = images[index];
  if (!current)
    return (
      <div className="flex aspect-square items-center justify-center rounded-xl bg-gray-100 text-muted">No image</div>
    );
  return (
    <div>
      <div className="aspect-square overflow-hidden rounded-xl border border-gray-200 bg-white">
        {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized WebP variants with srcset and long cache headers */}
        <img
          src={url(current.variants[1]?.key ?? current.key)}
          srcSet={srcSet(current)}
          // Half of the (at most 80rem) page beside the details from lg up, the page's width below.
          sizes="(min-width: 1280px) 608px, (min-width: 1024px) calc((100vw - 4rem) / 2), calc(100vw - 2rem)"
          width={current.width}
          height={current.height}
          alt={`${title}, image ${index + 1} of ${images.length}`}
          className="h-full w-full object-contain"
          fetchPriority="high"
        />
      </div>
      {images.length > 1 ? (
        <ul className="mt-3 flex gap-2 overflow-x-auto" aria-label="Product images">
          {images.map((img, i) => (
            <li key={img.id}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-label={`Show image ${i + 1}`}
                aria-current={i === index}
                className={`h-16 w-16 overflow-hidden rounded-md border-2 ${i === index ? "border-brand-600" : "border-transparent"}`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- thumbnail variant */}
                <img
                  src={url(img.variants[0]?.key ?? img.key)}
                  alt=""
                  width={64}
                  height={64}
                  className="h-full w-full object-cover"
                  loading="lazy"
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
