// A small, safe subset of Markdown for listing descriptions: paragraphs, "- " lists,
// "## " headings, **bold** and *italic*. It produces a tree of plain strings that React
// renders as text, so no HTML from a seller ever reaches the page.

export type Inline = { text: string; bold?: boolean; italic?: boolean };

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { text: m[1], bold: true } : { text: m[2], italic: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
