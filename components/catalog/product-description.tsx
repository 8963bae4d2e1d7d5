import { parseDescription } from "@/lib/catalog/parse-description";
import { type Inline } from "@/lib/catalog/parse-inline";

function Text({ parts }: { parts: Inline[] }) {
  return parts.map((p, i) =>
    p.bold ? <strong key={i}>{p.text}</strong> : p.italic ? <em key={i}>{p.text}</em> : <span key={i}>{p.text}</span>,
  );
}

/** A seller's description, rendered as text nodes only (no HTML injection possible). */
export function ProductDescription({ source }: { source: string }) {
  const blocks = parseDescription(source);
  if (blocks.length === 0) return <p className="text-muted">The seller has not written a description.</p>;
  return (
    <div className="space-y-3 text-sm leading-relaxed text-ink">
      {blocks.map((b, i) =>
        b.type === "h" ? (
          <h3 key={i} className="text-base font-semibold">
            <Text parts={b.content} />
          </h3>
        ) : b.type === "ul" ? (
          <ul key={i} className="list-disc space-y-1 pl-5">
            {b.items.map((item, j) => (
              <li key={j}>
                <Text parts={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            {b.lines.map((line, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                <Text parts={line} />
              </span>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
