// The Redis cache handler as two web processes and the worker see it: what one process stores
// another reads back intact, and a revalidation from either, or from outside Next, reaches both.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import RedisCacheHandler from "./next-cache-handler.mjs";
import { pathTag, revalidateTags } from "./revalidate-tags";

function distDir(buildId: string): string {
  const dir = mkdtempSync(join(tmpdir(), "next-dist-"));
  writeFileSync(join(dir, "BUILD_ID"), buildId);
  return join(dir, "server");
}

const page = (html: string, tags: string[]) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc:${html}`),
  segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
  postponed: undefined,
});

describe.skipIf(!process.env.REDIS_URL)("next-cache-handler (Redis)", () => {
  let webA: RedisCacheHandler;
  let webB: RedisCacheHandler;
  let serverDir: string;

  beforeAll(() => {
    serverDir = distDir(`build-${Date.now()}`);
    webA = new RedisCacheHandler({ serverDistDir: serverDir });
    webB = new RedisCacheHandler({ serverDistDir: serverDir });
  });

  it("serves in one process the page another stored, Buffers and Maps intact", async () => {
    const key = "/route-cache/APP_PAGE/abc/$/anon/products/1";
    await webA.set(key, page("<p>one</p>", [pathTag("/anon/products/1")]), {
      cacheControl: { revalidate: 15, expire: 3600 },
    });
    const hit = (await webB.get(key, { kind: "APP_PAGE" })) as {
      value: ReturnType<typeof page>;
      cacheControl: unknown;
    } | null;
    expect(hit?.value.html).toBe("<p>one</p>");
    expect(Buffer.isBuffer(hit?.value.rscData)).toBe(true);
    expect(hit?.value.rscData.toString()).toBe("rsc:<p>one</p>");
    expect(hit?.value.segmentData.get("/_tree")?.toString()).toBe("tree");
    expect(hit?.cacheControl).toEqual({ revalidate: 15, expire: 3600 });
  });

  it("misses everywhere after a revalidation made outside Next (the worker's way)", async () => {
    const key = "/route-cache/APP_PAGE/abc/$/anon/products/2";
    await webA.set(key, page("<p>old</p>", [pathTag("/anon/products/2")]), {});
    expect(await webB.get(key, { kind: "APP_PAGE" })).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await revalidateTags([pathTag("/anon/products/2")]);
    expect(await webA.get(key, { kind: "APP_PAGE" })).toBeNull();
    expect(await webB.get(key, { kind: "APP_PAGE" })).toBeNull();
    // A render after the revalidation is served again.
    await new Promise((r) => setTimeout(r, 5));
    await webB.set(key, page("<p>new</p>", [pathTag("/anon/products/2")]), {});
    expect(((await webA.get(key, { kind: "APP_PAGE" })) as { value: { html: string } }).value.html).toBe("<p>new</p>");
  });

  it("expires data entries by their explicit and path tags, revalidated through either process", async () => {
    const data = { kind: "FETCH", data: { body: "{}", headers: {}, status: 200, url: "" }, revalidate: 300 };
    await webA.set("fetch-1", data, { fetchCache: true, tags: ["categories"] });
    const ctx = { kind: "FETCH", tags: ["categories"], softTags: [pathTag("/c/shoes")] };
    expect(await webB.get("fetch-1", ctx)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await webB.revalidateTag(pathTag("/c/shoes"));
    expect(await webA.get("fetch-1", ctx)).toBeNull();
    // Entries under other tags stay.
    await webA.set("fetch-2", data, { fetchCache: true, tags: ["other"] });
    expect(await webB.get("fetch-2", { kind: "FETCH", tags: ["other"], softTags: [] })).not.toBeNull();
  });

  it("marks entries stale rather than gone for a revalidation with a lifetime", async () => {
    const key = "/route-cache/APP_PAGE/abc/$/anon/home";
    await webA.set(key, page("<p>home</p>", ["home"]), {});
    await new Promise((r) => setTimeout(r, 5));
    await webA.revalidateTag(["home"], { expire: 3600 });
    const stale = await webB.get(key, { kind: "APP_PAGE" });
    // Served once more (an age older than any lifetime) while Next renders it again.
    expect(stale?.lastModified).toBe(1);
  });

  it("keeps each build's entries apart, while tags are shared", async () => {
    const key = "/route-cache/APP_PAGE/abc/$/anon/products/3";
    await webA.set(key, page("<p>build one</p>", []), {});
    const nextBuild = new RedisCacheHandler({ serverDistDir: distDir("another-build") });
    expect(await nextBuild.get(key, { kind: "APP_PAGE" })).toBeNull();
  });
});
