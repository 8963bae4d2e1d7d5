import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { DEMO_CATEGORIES } from "./demo-categories";
import { drawingFor, renderPlaceholderImage } from "./render-placeholder-image";

const leaves = DEMO_CATEGORIES.flatMap((top) => top.children.map((leaf) => ({ top, leaf })));

describe("demo product photos", () => {
  it("draw an object of its own kind for every demo leaf category", () => {
    const parcel = drawingFor(undefined);
    const missing = leaves.filter(({ leaf }) => drawingFor(leaf.slug) === parcel).map(({ leaf }) => leaf.slug);
    expect(missing).toEqual([]);
    // Books share one drawing; everything else looks different from its neighbours.
    const distinct = new Set(leaves.map(({ leaf }) => drawingFor(leaf.slug)));
    expect(distinct.size).toBeGreaterThanOrEqual(leaves.length - 2);
  });

  it("are shaded photos, not a flat colour: light and dark areas, colour that differs between pool images", async () => {
    const render = (variant: number) =>
      renderPlaceholderImage({ hue: 210, kind: "cameras", title: "Cameras", subtitle: "Electronics", variant });
    const [a, b] = await Promise.all([render(0), render(1)]);
    const meta = await sharp(a).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1280, 960]);
    const stats = await sharp(a).stats();
    // Luminance spread: a flat square has a deviation near 0.
    for (const channel of stats.channels) expect(channel.stdev).toBeGreaterThan(25);
    expect(stats.channels[0].max - stats.channels[0].min).toBeGreaterThan(150);
    // Two pool images of a leaf differ in colour, not only in the label.
    const [ra, rb] = await Promise.all([a, b].map((img) => sharp(img).resize(32, 24).raw().toBuffer()));
    let diff = 0;
    for (let i = 0; i < ra.length; i++) diff += Math.abs(ra[i] - rb[i]);
    expect(diff / ra.length).toBeGreaterThan(8);
  });
});
