// Every email is written once, as plain text (the templates in lib/notifications, lib/users,
// lib/returns, …), and rendered here into the shared HTML layout with MJML, so the text and
// HTML parts can never say different things. The text's shape carries the structure:
// paragraphs are separated by a blank line, lines indented by two spaces are a list, and a
// line "Label: <link into the app>" is a link (the first one in the email is the button).
// Only links into this app become links; every other character, user content included, is
// escaped text. MJML, not react-email: react-dom/server refuses to load under the
// react-server condition this app's server code, worker and scripts run with.
import mjml2html from "mjml";

import { t, type NotificationLocale } from "./i18n/translate";

export type EmailFooter = {
  /** Completes "You're getting this email because …". */
  reason: string;
  /** One click turns this kind of email off (absent for emails that can't be turned off). */
  unsubscribeUrl?: string | null;
};

export type RenderedEmail = { text: string; html: string };

const BRAND = "Marketplace";

function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Whether a URL points into this app (only those become links). */
function isAppLink(url: string, appUrl: string): boolean {
  const base = appUrl.replace(/\/$/, "");
  return url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
}

/** One line of text as HTML: escaped, with links into the app as anchors. */
function inlineHtml(line: string, appUrl: string): string {
  let out = "";
  let last = 0;
  for (const m of line.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    // Trailing punctuation ends the sentence, not the URL.
    const url = m[0].replace(/[.,;:!?)]+$/, "");
    if (!isAppLink(url, appUrl)) continue;
    out += escapeHtml(line.slice(last, m.index));
    out += `<a href="${escapeHtml(url)}" style="color:#1d4ed8">${escapeHtml(url)}</a>`;
    last = m.index + url.length;
  }
  return out + escapeHtml(line.slice(last));
}

type Block =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "list"; items: string[] }
  | { kind: "action"; label: string; url: string };

/** The body's blocks, read from the shape of its text. */
export function emailBlocks(text: string, appUrl: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text
    .replace(/\r\n/g, "\n")
    .trim()
    .split(/\n\s*\n/)) {
    const lines = chunk.split("\n");
    let para: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (para.length) blocks.push({ kind: "paragraph", lines: para });
      if (list.length) blocks.push({ kind: "list", items: list });
      para = [];
      list = [];
    };
    for (const line of lines) {
      const action = /^([^:\n]{1,60}):\s+(\S+)$/.exec(line.trim());
      if (action && isAppLink(action[2], appUrl)) {
        flush();
        blocks.push({ kind: "action", label: action[1], url: action[2] });
      } else if (/^ {2}\S/.test(line)) {
        if (para.length) flush();
        list.push(line.trim());
      } else {
        if (list.length) flush();
        para.push(line);
      }
    }
    flush();
  }
  return blocks;
}

function blockMjml(block: Block, isButton: boolean, appUrl: string): string {
  switch (block.kind) {
    case "paragraph":
      return `<mj-text>${block.lines.map((l) => inlineHtml(l, appUrl)).join("<br />")}</mj-text>`;
    case "list":
      return `<mj-text><ul style="margin:0;padding-left:20px">${block.items.map((i) => `<li>${inlineHtml(i, appUrl)}</li>`).join("")}</ul></mj-text>`;
    case "action":
      return isButton
        ? `<mj-button href="${escapeHtml(block.url)}" align="left" background-color="#1d4ed8" border-radius="6px" font-weight="600">${escapeHtml(block.label)}</mj-button>`
        : `<mj-text>${escapeHtml(block.label)}: <a href="${escapeHtml(block.url)}" style="color:#1d4ed8">${escapeHtml(block.url)}</a></mj-text>`;
  }
}

/** The footer as text: why this email came, and where to change what comes. */
function footerText(footer: EmailFooter, appUrl: string, locale: NotificationLocale): string {
  return [
    t(locale, "email.footer.why", { brand: BRAND, reason: footer.reason }),
    `${t(locale, "email.footer.settings")}: ${appUrl}/account/notifications`,
    ...(footer.unsubscribeUrl ? [`${t(locale, "email.footer.unsubscribe")}: ${footer.unsubscribeUrl}`] : []),
  ].join("\n");
}

/** The email's text part (the template's words plus the footer) and its HTML rendering. */
export async function renderEmail(opts: {
  subject: string;
  body: string;
  footer: EmailFooter;
  appUrl: string;
  /** The recipient's language: the footer's words and the document's lang (the body comes written in it). */
  locale?: NotificationLocale;
}): Promise<RenderedEmail> {
  const locale = opts.locale ?? "en";
  const appUrl = opts.appUrl.replace(/\/$/, "");
  const text = `${opts.body.trimEnd()}\n\n-- \n${footerText(opts.footer, appUrl, locale)}\n`;
  const blocks = emailBlocks(opts.body, appUrl);
  const firstAction = blocks.findIndex((b) => b.kind === "action");
  const preview = blocks.find((b) => b.kind === "paragraph")?.lines.join(" ") ?? opts.subject;
  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}" style="color:#4b5563;text-decoration:underline">${escapeHtml(label)}</a>`;
  const footerHtml = [
    escapeHtml(t(locale, "email.footer.why", { brand: BRAND, reason: opts.footer.reason })),
    [
      link(`${appUrl}/account/notifications`, t(locale, "email.footer.settings")),
      ...(opts.footer.unsubscribeUrl ? [link(opts.footer.unsubscribeUrl, t(locale, "email.footer.unsubscribe"))] : []),
    ].join(" · "),
  ].join("<br />");
  const mjml = `<mjml lang="${locale}">
  <mj-head>
    <mj-title>${escapeHtml(opts.subject)}</mj-title>
    <mj-preview>${escapeHtml(preview.slice(0, 140))}</mj-preview>
    <mj-attributes>
      <mj-all font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.55" color="#111827" padding="6px 0" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section padding="24px 16px 8px">
      <mj-column>
        <mj-text font-size="20px" font-weight="700" color="#111827">${link(appUrl, BRAND).replace("color:#4b5563;text-decoration:underline", "color:#111827;text-decoration:none")}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="20px 24px">
      <mj-column>
        ${blocks.map((b, i) => blockMjml(b, i === firstAction, appUrl)).join("\n        ")}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 16px 24px">
      <mj-column>
        <mj-text font-size="12px" line-height="1.5" color="#4b5563">${footerHtml}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  // Strict: a template that produced invalid markup fails loudly here (in its tests), not in an inbox.
  const { html } = await mjml2html(mjml, { validationLevel: "strict" });
  return { text, html };
}
