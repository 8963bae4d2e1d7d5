// A small, safe subset of Markdown for listing descriptions: paragraphs, "- " lists,
// "## " headings, **bold** and *italic*. It produces a tree of plain strings that React
// renders as text, so no HTML from a seller ever reaches the page.
import { parseInline, type Inline } from "./parse-inline";

export type Block =
  { type: "p"; lines: Inline[][] } | { type: "ul"; items: Inline[][] } | { type: "h"; content: Inline[] };

export function parseDescription(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, "\n").split(/\n{2,}/)) {
    const lines = chunk.split("\n").filter((l) => l.trim().length > 0);
    if (lines.length === 0) continue;
    if (lines.length === 1 && /^#{1,3}\s+/.test(lines[0])) {
      blocks.push({ type: "h", content: parseInline(lines[0].replace(/^#{1,3}\s+/, "")) });
    } else if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      blocks.push({ type: "ul", items: lines.map((l) => parseInline(l.replace(/^\s*[-*]\s+/, ""))) });
    } else {
      blocks.push({ type: "p", lines: lines.map(parseInline) });
    }
  }
  return blocks;
}
