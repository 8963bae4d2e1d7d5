// Server-rendered markup of the uploader: what a form submits and what assistive tech hears
// before any script runs. The upload flow itself needs a browser (XMLHttpRequest progress).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ImageUploader } from "./image-uploader";

const images = ["a", "b", "c"].map((id, i) => ({
  uploadId: `00000000-0000-4000-8000-00000000000${i}`,
  url: `/media/images/${id}/320.webp`,
  width: 320,
  height: 240,
}));

function render(props: Partial<Parameters<typeof ImageUploader>[0]> = {}): string {
  return renderToStaticMarkup(
    createElement(ImageUploader, { purpose: "product_image", initial: images, max: 10, name: "images", ...props }),
  );
}

describe("ImageUploader markup", () => {
  it("submits one hidden input per ready image, in order, under the given name", () => {
    const html = render({ name: "photos" });
    const values = [...html.matchAll(/<input type="hidden" name="photos" value="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual(images.map((i) => i.uploadId));
  });

  it("labels the move and remove buttons by position, with the ends disabled", () => {
    const html = render();
    for (const n of [1, 2, 3]) {
      expect(html).toContain(`aria-label="Move image ${n} left"`);
      expect(html).toContain(`aria-label="Move image ${n} right"`);
      expect(html).toContain(`aria-label="Remove image ${n}"`);
    }
    expect(html).toMatch(/<button type="button"[^>]*disabled=""[^>]*aria-label="Move image 1 left"/);
    expect(html).toMatch(/<button type="button"[^>]*disabled=""[^>]*aria-label="Move image 3 right"/);
    expect(html).not.toMatch(/disabled=""[^>]*aria-label="Move image 2 (left|right)"/);
  });

  it("shows thumbnails with their size and marks the first as the cover", () => {
    const html = render();
    expect(html).toContain('src="/media/images/a/320.webp" alt="Image 1 (cover)" width="320" height="240"');
    expect(html).toContain('alt="Image 2"');
  });

  it("offers a labelled multiple-file picker for the accepted types and says how many slots are left", () => {
    const html = render({ max: 5 });
    expect(html).toMatch(
      /<input id="[^"]+" type="file" multiple="" accept="image\/jpeg,image\/png,image\/webp,image\/gif"/,
    );
    expect(html).toContain("Add images");
    expect(html).toContain("2 of 5 left");
  });

  it("disables the picker when the maximum is reached", () => {
    const html = render({ max: 3 });
    expect(html).toMatch(/type="file"[^>]*disabled=""/);
    expect(html).toContain("You have added the maximum of 3 images.");
  });
});
