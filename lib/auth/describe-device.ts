import Bowser from "bowser";

/** "Firefox on Windows" from a User-Agent header, for the list of sessions; null when it says nothing we know. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os, platform } = Bowser.parse(userAgent);
  const parts = [browser.name, os.name ? `on ${os.name}` : null].filter(Boolean);
  if (parts.length === 0) return null;
  const kind = platform.type === "mobile" || platform.type === "tablet" ? ` (${platform.type})` : "";
  return `${parts.join(" ")}${kind}`;
}
