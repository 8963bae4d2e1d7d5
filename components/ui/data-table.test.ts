import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Cell, DataTable } from "./data-table";

const render = () =>
  renderToStaticMarkup(
    createElement(
      DataTable,
      {
        caption: "Stock changes",
        columns: [{ label: "When" }, { label: "Change", align: "right" }, { label: "Actions", hidden: true }],
      },
      createElement(
        "tr",
        null,
        createElement(Cell, { nowrap: true }, "today"),
        createElement(Cell, { align: "right" }, "+3"),
        createElement(Cell, null, "edit"),
      ),
    ),
  );

describe("DataTable", () => {
  it("scrolls sideways inside its frame and names the table for screen readers", () => {
    const html = render();
    expect(html).toMatch(/^<div class="overflow-x-auto[^"]*"><table/);
    expect(html).toContain('<caption class="sr-only">Stock changes</caption>');
  });

  it("gives every column a header cell scoped to its column, a hidden one read to screen readers only", () => {
    const html = render();
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="col" class="[^"]*text-right"[^>]*>Change<\/th>/);
    expect(html).toContain('<span class="sr-only">Actions</span></th>');
  });

  it("cells share the table's padding and take alignment and no-wrap", () => {
    const html = render();
    expect(html).toContain('<td class="px-3 py-2 whitespace-nowrap">today</td>');
    expect(html).toContain('<td class="px-3 py-2 text-right">+3</td>');
    expect(html).toContain('<td class="px-3 py-2">edit</td>');
  });
});
