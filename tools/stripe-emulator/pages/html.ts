// A tagged template that escapes every interpolated value unless it is already HTML, so the
// pages can show app-supplied strings (emails, metadata, URLs) safely.

export class Html {
  constructor(readonly value: string) {}
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escape(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, chunk, i) => out + render(values[i - 1]) + chunk));
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, sans-serif; }
  body { margin: 0; background: #f6f9fc; color: #1a1f36; }
  main { max-width: 1200px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  table { width: 100%; border-collapse: collapse; background: #fff; font-size: .85rem; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e8ee; vertical-align: top; }
  th { background: #f0f3f7; font-weight: 600; }
  code { font-size: .8rem; }
  .card { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px; padding: 24px; max-width: 480px; margin: 48px auto; }
  .badge { display: inline-block; padding: 1px 6px; border-radius: 4px; background: #e3e8ee; }
  .ok { background: #d7f7c2; } .bad { background: #ffe0e0; } .wait { background: #fcedb9; }
  button { font: inherit; padding: 10px 16px; border-radius: 6px; border: 1px solid #635bff; background: #635bff; color: #fff; cursor: pointer; margin: 4px 8px 4px 0; }
  button.secondary { background: #fff; color: #635bff; }
  .muted { color: #697386; }
`;

export function page(title: string, body: Html): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body.value}</body></html>`;
}

export function money(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat("en", { style: "currency", currency: code }).format(amount / 10 ** digits);
}

export function time(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace("T", " ").slice(0, 19);
}

export function statusBadge(status: string): Html {
  const tone = ["succeeded", "paid", "active", "won", "enabled"].includes(status)
    ? "ok"
    : ["failed", "canceled", "lost", "needs_response"].includes(status)
      ? "bad"
      : ["pending", "requires_action", "requires_capture", "requires_confirmation", "under_review"].includes(status)
        ? "wait"
        : "";
  return html`<span class="badge ${tone}">${status}</span>`;
}
