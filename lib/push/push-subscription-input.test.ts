import { describe, expect, it } from "vitest";

import { ZPushSubscriptionJson } from "./push-subscription-input";

const keys = { p256dh: "B".repeat(87), auth: "a".repeat(22) };

describe("ZPushSubscriptionJson", () => {
  it("accepts a browser's subscription on a push service", () => {
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAA",
      "https://web.push.apple.com/QGz",
    ])
      expect(ZPushSubscriptionJson.safeParse({ endpoint, keys, expirationTime: null }).success).toBe(true);
  });

  it("refuses plain http, machines named directly and malformed keys, with a message", () => {
    const message = (body: unknown) => {
      const r = ZPushSubscriptionJson.safeParse(body);
      return r.success ? null : r.error.issues[0].message;
    };
    expect(message({ endpoint: "http://fcm.googleapis.com/x", keys })).toMatch(/https/);
    for (const endpoint of [
      "https://169.254.169.254/latest/meta-data",
      "https://localhost/x",
      "https://[::1]/x",
      "https://db.internal/x",
      "https://intranet/x",
    ])
      expect(message({ endpoint, keys }), endpoint).toMatch(/push service/);
    expect(message({ endpoint: "https://fcm.googleapis.com/x", keys: { ...keys, p256dh: "not base64!" } })).toMatch(
      /p256dh/,
    );
    expect(message({ endpoint: "https://fcm.googleapis.com/x", keys: { p256dh: keys.p256dh } })).toBeTruthy();
  });
});
