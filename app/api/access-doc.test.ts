// `npm run docs:access` runs this file with DOCS_ACCESS_WRITE=1 to rewrite docs/API-ACCESS.md
// (the route and action modules load here as in the OpenAPI test; a plain script cannot load
// them outside Next's bundles); without it, the test fails when the file is stale.
import { readFileSync, writeFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { actionRows, pageRows, renderAccessDoc, routeRows } from "./access-doc";

const FILE = "docs/API-ACCESS.md";

describe(FILE, () => {
  it("lists every route, action and rate-limited page with its access and rate limit, as the code declares them", async () => {
    expect(routeRows().length).toBeGreaterThan(45);
    expect((await actionRows()).length).toBeGreaterThan(30);
    expect(pageRows().map((r) => r.what)).toContain("`GET /search`");
    const doc = await renderAccessDoc();

    if (process.env.DOCS_ACCESS_WRITE) writeFileSync(FILE, doc);
    expect(readFileSync(FILE, "utf8"), "run npm run docs:access").toBe(doc);
  }, 60_000);
});
