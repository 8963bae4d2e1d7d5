import { describe, expect, it } from "vitest";

import { parseDescription } from "./parse-description";
import { parseInline } from "./parse-inline";

describe("parseDescription", () => {
  it("reads paragraphs, lists, headings and emphasis", () => {
    expect(parseDescription("## Details\n\nSolid **oak**, *hand* finished.\nSecond line\n\n- one\n- two")).toEqual([
      { type: "h", content: [{ text: "Details" }] },
      {
        type: "p",
        lines: [
          [
            { text: "Solid " },
            { text: "oak", bold: true },
            { text: ", " },
            { text: "hand", italic: true },
            { text: " finished." },
          ],
          [{ text: "Second line" }],
        ],
      },
      { type: "ul", items: [[{ text: "one" }], [{ text: "two" }]] },
    ]);
  });

  it("keeps HTML as inert text", () => {
    const blocks = parseDescription('<script>alert("x")</script> <img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      { type: "p", lines: [[{ text: '<script>alert("x")</script> <img src=x onerror=alert(1)>' }]] },
    ]);
  });

  it("leaves unmatched markers alone", () => {
    expect(parseInline("2 * 3 = 6")).toEqual([{ text: "2 * 3 = 6" }]);
  });
});
