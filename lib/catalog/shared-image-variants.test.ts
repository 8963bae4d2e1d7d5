import { describe, expect, it } from "vitest";

import { sharedImageVariants } from "./shared-image-variants";

describe("the variants of a shared product image", () => {
  it("are the smaller files beside its largest, so a card can load 320 px", () => {
    expect(sharedImageVariants({ key: "images/u1/1280.webp", width: 1280, height: 960 })).toEqual([
      { width: 320, height: 240, key: "images/u1/320.webp" },
      { width: 640, height: 480, key: "images/u1/640.webp" },
      { width: 1280, height: 960, key: "images/u1/1280.webp" },
    ]);
    // A source narrower than 640 px has its own width as its largest file.
    expect(sharedImageVariants({ key: "images/u2/500.webp", width: 500, height: 500 }).map((v) => v.width)).toEqual([
      320, 500,
    ]);
  });

  it("is just the file itself for a key of another shape", () => {
    expect(sharedImageVariants({ key: "legacy/photo.jpg", width: 800, height: 600 })).toEqual([
      { key: "legacy/photo.jpg", width: 800, height: 600 },
    ]);
  });
});
