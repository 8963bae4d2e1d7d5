// HSTS tells a browser to use only HTTPS for this host from now on (docs/HEADERS.md). It is sent
// only when this response travels over HTTPS: over plain HTTP browsers ignore it anyway, and on
// http://localhost it would pin a developer's machine to HTTPS, so it is never sent there.

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * True when the request reached us over HTTPS: on a TLS socket of our own, or through a trusted
 * proxy (TRUSTED_PROXY_HOPS > 0, the same trust lib/auth/client-ip.ts gives X-Forwarded-For) whose
 * X-Forwarded-Proto says https. Of a comma-separated list only the last value counts, the one the
 * hop next to us wrote. With no trusted hop the header is whatever the client wrote and is ignored.
 */
export function servedOverHttps(req: {
  tlsSocket: boolean;
  forwardedProto: string | null;
  trustedHops: number;
  host: string | null;
}): boolean {
  if (req.host && LOOPBACK.test(req.host.trim())) return false;
  if (req.tlsSocket) return true;
  if (req.trustedHops <= 0) return false;
  return req.forwardedProto?.split(",").at(-1)?.trim().toLowerCase() === "https";
}
