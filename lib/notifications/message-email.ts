// The email a person gets for a new message in one of their conversations, unless they turned
// message email off (/account/notifications). Once per message (the dedupe key).
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/mail/queue-email";
import type { DomainEvents } from "@/lib/outbox/events";

import { collectDigestItem, wantsDailyDigest } from "./collect-digest-item";
import { emailFooterFor } from "./email-footer";
import { wantsNotification } from "./preferences";

export function messageEmail(
  m: { body: string; imageCount: number; fromName: string; subject: string },
  link: string,
): { subject: string; body: string } {
  const photos = m.imageCount > 0 ? `\n\n(${m.imageCount} photo${m.imageCount === 1 ? "" : "s"} attached)` : "";
  return {
    subject: `New message from ${m.fromName}: ${m.subject}`.slice(0, 300),
    body: `${m.fromName} wrote about "${m.subject}":\n\n${m.body}${photos}\n\nReply: ${link}\n\nKeep payments on the marketplace: money paid elsewhere isn't covered by buyer protection.\n`,
  };
}

/** Queues the new-message email to the other participant (the email subscriber to `message.sent`). */
export async function queueMessageEmail(tx: Tx, event: DomainEvents["message.sent"]): Promise<void> {
  const m = await tx.message.findUnique({
    where: { id: event.messageId },
    select: {
      id: true,
      authorRole: true,
      body: true,
      _count: { select: { images: true } },
      conversation: {
        select: {
          id: true,
          subject: true,
          buyer: { select: { id: true, email: true, name: true, deletedAt: true } },
          seller: { select: { shopName: true, user: { select: { id: true, email: true, deletedAt: true } } } },
        },
      },
    },
  });
  if (!m) return;
  const c = m.conversation;
  const toSeller = m.authorRole === "buyer";
  const to = toSeller ? c.seller.user : c.buyer;
  if (to.deletedAt) return;
  if (!(await wantsNotification(tx, { userId: to.id, group: "messages", channel: "email" }))) return;
  const path = `${toSeller ? "/seller/messages" : "/messages"}/${c.id}`;
  // A seller on the daily digest reads it there instead (send-daily-digests.ts).
  if (toSeller && (await wantsDailyDigest(tx, to.id))) {
    await collectDigestItem(tx, {
      userId: to.id,
      kind: "message",
      title: `${c.buyer.name ?? "A buyer"}: ${c.subject}`,
      body: m.body,
      link: path,
      dedupeKey: `digest:message:${m.id}`,
    });
    return;
  }
  const link = `${env().APP_URL}${path}`;
  const email = messageEmail(
    {
      body: m.body,
      imageCount: m._count.images,
      fromName: toSeller ? (c.buyer.name ?? "A buyer") : c.seller.shopName,
      subject: c.subject,
    },
    link,
  );
  await queueEmail(tx, {
    userId: to.id,
    to: to.email,
    template: "message-received",
    subject: email.subject,
    body: email.body,
    dedupeKey: `message:${m.id}:email`,
    footer: emailFooterFor(to.id, "messages"),
  });
}
