import { describe, expect, it } from "vitest";

import { DEVICE_COOKIE, deviceIdFromCookieHeader, newDeviceCookie, readDeviceCookie } from "./device-cookie";

const secret = "s".repeat(40);

describe("device cookie", () => {
  it("reads back the id it signed; a changed id, another secret or garbage reads as none", () => {
    const { deviceId, value } = newDeviceCookie(secret);
    expect(readDeviceCookie(value, secret)).toBe(deviceId);
    const other = newDeviceCookie(secret).deviceId;
    expect(readDeviceCookie(`${other}.${value.split(".")[1]}`, secret)).toBeNull();
    expect(readDeviceCookie(value, "t".repeat(40))).toBeNull();
    expect(readDeviceCookie("nonsense", secret)).toBeNull();
    expect(readDeviceCookie(undefined, secret)).toBeNull();
  });

  it("is found in a raw Cookie header among others", () => {
    const { deviceId, value } = newDeviceCookie(secret);
    expect(deviceIdFromCookieHeader(`a=1; ${DEVICE_COOKIE}=${encodeURIComponent(value)}; b=2`, secret)).toBe(deviceId);
    expect(deviceIdFromCookieHeader("a=1", secret)).toBeNull();
    expect(deviceIdFromCookieHeader(null, secret)).toBeNull();
  });
});
