/**
 * The one-click unsubscribe headers (RFC 8058) for an email that can be turned off: mail
 * providers show an "Unsubscribe" button that POSTs "List-Unsubscribe=One-Click" to the URL.
 * Set by hand rather than with nodemailer's `list` option, which has no List-Unsubscribe-Post.
 */
export function unsubscribeHeaders(url: string | null): Record<string, string> | undefined {
  if (!url) return undefined;
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
