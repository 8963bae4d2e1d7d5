import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Pagination, type PaginationProps } from "./pagination";

const render = (props: Partial<PaginationProps>) =>
  renderToStaticMarkup(
    createElement(Pagination, { page: 1, pageCount: 3, href: (p: number) => `/things?page=${p}`, ...props }),
  ).replaceAll("&amp;", "&");

const links = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)</g)].map((m) => [m[2], m[1]]);

describe("Pagination", () => {
  it("renders nothing when everything fits on one page", () => {
    expect(render({ pageCount: 1 })).toBe("");
    expect(render({ pageCount: 0 })).toBe("");
  });

  it("is a named navigation landmark of plain links that marks the current page", () => {
    const html = render({ page: 2, label: "Order pages" });
    expect(html).toMatch(/^<nav aria-label="Order pages"/);
    expect(html).not.toContain("<button");
    expect(html).toMatch(/<span aria-current="page"[^>]*>Page 2 of 3<\/span>/);
    expect(links(html)).toEqual([
      ["Previous", "/things?page=1"],
      ["Next", "/things?page=3"],
    ]);
    expect(html).toMatch(/rel="prev" href="\/things\?page=1"/);
    expect(html).toMatch(/rel="next" href="\/things\?page=3"/);
  });

  it("offers no previous link on the first page and no next link on the last", () => {
    expect(links(render({ page: 1 }))).toEqual([["Next", "/things?page=2"]]);
    expect(links(render({ page: 3 }))).toEqual([["Previous", "/things?page=2"]]);
  });

  it("names the links as the page asks (newer and older in a history)", () => {
    expect(links(render({ page: 2, previousLabel: "Newer", nextLabel: "Older" })).map(([label]) => label)).toEqual([
      "Newer",
      "Older",
    ]);
  });

  it("numbered: two pages either side of the current one, the first page, and gaps marked", () => {
    const html = render({ page: 6, pageCount: 20, numbered: true });
    expect(links(html)).toEqual([
      ["Previous", "/things?page=5"],
      ["1", "/things?page=1"],
      ["4", "/things?page=4"],
      ["5", "/things?page=5"],
      ["7", "/things?page=7"],
      ["8", "/things?page=8"],
      ["Next", "/things?page=7"],
    ]);
    expect(html).toMatch(/<span aria-current="page"[^>]*><span class="sr-only">Page <\/span>6<\/span>/);
    expect(html.match(/…/g)).toHaveLength(2);
    expect(html).not.toContain("Page 6 of 20");
  });

  it("numbered: no gap when the window reaches the ends", () => {
    const html = render({ page: 2, pageCount: 4, numbered: true });
    expect(links(html).map(([label]) => label)).toEqual(["Previous", "1", "3", "4", "Next"]);
    expect(html).not.toContain("…");
  });
});
