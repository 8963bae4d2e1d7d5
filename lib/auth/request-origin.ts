import "server-only";

import { cookies, headers } from "next/headers";

import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";

import { DEVICE_COOKIE, deviceCookieOptions, newDeviceCookie, readDeviceCookie } from "./device-cookie";
import type { RequestOrigin } from "./record-request-signal";

/**
 * The origin of this route handler's or server action's request: the client IP (trusted-proxy
 * rules), the device id (minted and set now if the browser has none; API clients without
 * cookies get a fresh one each time, which links nothing) and the user agent.
 */
export async function requestOrigin(): Promise<RequestOrigin> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const secret = env().NEXTAUTH_SECRET;
  let deviceId = readDeviceCookie(jar.get(DEVICE_COOKIE)?.value, secret);
  if (!deviceId) {
    const fresh = newDeviceCookie(secret);
    deviceId = fresh.deviceId;
    try {
      jar.set(DEVICE_COOKIE, fresh.value, deviceCookieOptions(env().APP_URL.startsWith("https://")));
    } catch {
      // Only route handlers and actions may set cookies; elsewhere the id is this request's.
    }
  }
  return { ip: clientIp(h as unknown as Headers), deviceId, userAgent: h.get("user-agent") ?? "" };
}
