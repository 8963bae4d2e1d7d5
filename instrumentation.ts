// Runs once when the server starts: a missing or bad environment variable stops it here,
// with the variable's name, instead of failing later on a request.
export async function register() {
  // Next inlines NEXT_RUNTIME per bundle (nodejs or edge); it is not ours to validate.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertServerEnv } = await import("./lib/env");
    assertServerEnv();
    // Before the first request is handled: stamps each request's socket address (lib/auth/client-ip.ts).
    const { installSocketAddressHook } = await import("./lib/auth/socket-address");
    installSocketAddressHook();
    // And whether it came over TLS (lib/headers/strict-transport-security.ts).
    const { installSocketTlsHook } = await import("./lib/headers/socket-tls");
    installSocketTlsHook();
  }
}
