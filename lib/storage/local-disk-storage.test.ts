import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createLocalDiskStorage } from "./local-disk-storage";
import type { ObjectStorage } from "./object-storage";

let root: string;
let storage: ObjectStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "local-disk-storage-"));
  storage = createLocalDiskStorage({ rootDir: join(root, "uploads") });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("local disk storage", () => {
  it("puts, gets and deletes an object", async () => {
    const body = Buffer.from("RIFF....WEBPVP8 fake image bytes");
    await storage.put("images/abc/320.webp", body, "image/webp");

    const got = await storage.get("images/abc/320.webp");
    expect(got).toEqual({ body, contentType: "image/webp", size: body.length });
    expect(existsSync(join(root, "uploads/images/abc/320.webp"))).toBe(true);

    await storage.delete("images/abc/320.webp");
    expect(await storage.get("images/abc/320.webp")).toBeNull();
    expect(await readdir(join(root, "uploads/images/abc"))).toEqual([]);
  });

  it("replaces an object and its content type", async () => {
    await storage.put("docs/a.bin", Buffer.from("one"), "application/octet-stream");
    await storage.put("docs/a.bin", Buffer.from("two!"), "text/plain; charset=utf-8");
    expect(await storage.get("docs/a.bin")).toEqual({
      body: Buffer.from("two!"),
      contentType: "text/plain; charset=utf-8",
      size: 4,
    });
    expect(await readdir(join(root, "uploads/docs"))).toHaveLength(2);
  });

  it("returns null for a missing key, a directory prefix or a path through a file", async () => {
    expect(await storage.get("images/missing/320.webp")).toBeNull();
    await storage.put("images/abc/320.webp", Buffer.from("x"), "image/webp");
    expect(await storage.get("images/abc")).toBeNull();
    expect(await storage.get("images/abc/320.webp/more")).toBeNull();
  });

  it("treats deleting a missing object as done", async () => {
    await expect(storage.delete("images/never/320.webp")).resolves.toBeUndefined();
  });

  it.each([
    "../etc/passwd",
    "/abs",
    "/etc/passwd",
    "a/../../b",
    "a/..",
    "images/..hidden",
    "a\\..\\b",
    "images\\x.webp",
    "a\0b",
    "images/x.webp\0.png",
    "",
    "A/upper.webp",
    "a//b",
    "a/",
    ".hidden",
    "a b",
    "a".repeat(401),
    `k/${"a".repeat(201)}`,
  ])("rejects the unsafe key %j in every operation", async (key) => {
    await expect(storage.put(key, Buffer.from("x"), "text/plain")).rejects.toMatchObject({ code: "bad_request" });
    await expect(storage.get(key)).rejects.toMatchObject({ code: "bad_request" });
    await expect(storage.delete(key)).rejects.toMatchObject({ code: "bad_request" });
    expect(() => storage.publicUrl(key)).toThrow();
  });

  it("writes nothing outside its root", async () => {
    await storage.put("x.txt", Buffer.from("x"), "text/plain").catch(() => {});
    await storage.put("../escape.txt", Buffer.from("x"), "text/plain").catch(() => {});
    expect(await readdir(root)).toEqual(["uploads"]);
  });

  it("accepts a key at the length limit", async () => {
    const key = `${"a".repeat(199)}/${"b".repeat(200)}`;
    expect(key).toHaveLength(400);
    await storage.put(key, Buffer.from("x"), "text/plain");
    expect((await storage.get(key))?.size).toBe(1);
  });

  it("refuses a content type that could break a response header", async () => {
    await expect(storage.put("a.txt", Buffer.from("x"), "text/html\r\nSet-Cookie: a=b")).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("serves objects under /media", () => {
    expect(storage.publicUrl("images/abc/640.webp")).toBe("/media/images/abc/640.webp");
  });
});
