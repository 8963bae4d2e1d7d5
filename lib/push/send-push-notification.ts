import "server-only";

import webpush from "web-push";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { vapidDetails } from "./vapid-details";

/** What the service worker (public/sw.js) shows: the JSON it decrypts from the push message. */
export type PushPayload = { title: string; body: string; link: string | null; tag: string };

// Push services keep an undelivered message this long (a phone that is off overnight still gets it).
const PUSH_TTL_SECONDS = 24 * 3600;

/**
 * Delivers one queued push notification (a `push` row; its to_address is the subscription id)
 * to its browser's push service, encrypted for that browser (RFC 8291, aes128gcm) and signed
 * with the VAPID key (RFC 8292). A push service answering 404 or 410 says the browser dropped
 * the subscription: it is deleted and the row marked failed. Any other failure throws, so the
 * job is retried; a sent row is skipped, so a retry sends nothing twice.
 */
export async function sendPushNotification(
  prisma: PrismaClient,
  notificationId: string,
): Promise<"sent" | "skipped" | "gone"> {
  const n = await prisma.notification.findUnique({ where: { id: notificationId } });
  if (!n || n.channel !== "push" || n.status !== "queued") return "skipped";
  const fail = (error: string) =>
    prisma.notification.updateMany({ where: { id: n.id, status: "queued" }, data: { status: "failed", error } });
  const sub = await prisma.pushSubscription.findFirst({ where: { id: n.toAddress, userId: n.userId ?? undefined } });
  if (!sub || !n.userId) {
    await fail("the browser unsubscribed");
    return "gone";
  }
  const vapid = vapidDetails();
  if (!vapid) {
    await fail("push is off: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are unset");
    return "skipped";
  }
  const payload: PushPayload = { title: n.subject, body: n.body, link: n.link, tag: n.id };
  try {
    await webpush.sendNotification(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      JSON.stringify(payload),
      { vapidDetails: vapid, TTL: PUSH_TTL_SECONDS, contentEncoding: "aes128gcm", timeout: 10_000, urgency: "normal" },
    );
  } catch (err) {
    if (err instanceof webpush.WebPushError && (err.statusCode === 404 || err.statusCode === 410)) {
      await prisma.pushSubscription.deleteMany({ where: { id: sub.id } });
      await fail(`the push service answered ${err.statusCode}: subscription removed`);
      return "gone";
    }
    const why = err instanceof webpush.WebPushError ? `push service answered ${err.statusCode}` : String(err);
    await prisma.notification.update({ where: { id: n.id }, data: { error: why.slice(0, 500) } });
    throw err;
  }
  const updated = await prisma.notification.updateMany({
    where: { id: n.id, status: "queued" },
    data: { status: "sent", sentAt: new Date(), error: null },
  });
  return updated.count === 1 ? "sent" : "skipped";
}
