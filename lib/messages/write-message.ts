import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ConversationParty } from "@/lib/generated/prisma/enums";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import type { TMessage } from "./message-input";
import { offPlatformSignals } from "./off-platform-signals";

/**
 * Adds one message to a conversation the caller has already authorized and locked: its photos
 * (the author's own ready message uploads, not on another message), the read markers (the
 * author has read everything, the other side has one more unread), the off-platform flag, and
 * the `message.sent` event the notifications react to.
 */
export async function writeMessage(
  tx: Tx,
  opts: { conversationId: string; authorId: string; authorRole: ConversationParty; message: TMessage },
): Promise<{ messageId: string; offPlatformSignals: string[] }> {
  const conv = await tx.conversation.findUniqueOrThrow({
    where: { id: opts.conversationId },
    select: { blockedBy: true, flaggedAt: true },
  });
  if (conv.blockedBy)
    throw new AppError(
      "conflict",
      conv.blockedBy === opts.authorRole
        ? "You blocked this conversation. Unblock it to write again."
        : "This conversation is closed: no more messages can be sent.",
    );
  const signals = offPlatformSignals(opts.message.body);
  const now = new Date();
  const message = await tx.message.create({
    data: {
      conversationId: opts.conversationId,
      authorId: opts.authorId,
      authorRole: opts.authorRole,
      body: opts.message.body,
      offPlatformSignals: signals,
      createdAt: now,
    },
    select: { id: true },
  });
  await attachMessageImages(tx, { messageId: message.id, userId: opts.authorId, uploadIds: opts.message.images });
  const fromBuyer = opts.authorRole === "buyer";
  await tx.conversation.update({
    where: { id: opts.conversationId },
    data: {
      lastMessageAt: now,
      ...(fromBuyer
        ? { buyerReadAt: now, buyerUnread: 0, sellerUnread: { increment: 1 } }
        : { sellerReadAt: now, sellerUnread: 0, buyerUnread: { increment: 1 } }),
      ...(signals.length > 0 && !conv.flaggedAt ? { flaggedAt: now } : {}),
    },
  });
  await emitDomainEvent(tx, "message.sent", { conversationId: opts.conversationId, messageId: message.id });
  return { messageId: message.id, offPlatformSignals: signals };
}

async function attachMessageImages(
  tx: Tx,
  opts: { messageId: string; userId: string; uploadIds: string[] },
): Promise<void> {
  if (opts.uploadIds.length === 0) return;
  if (new Set(opts.uploadIds).size !== opts.uploadIds.length)
    throw new AppError("validation_failed", "The same photo is attached twice.", { fields: { images: "duplicate" } });
  const uploads = await tx.upload.findMany({
    where: { id: { in: opts.uploadIds }, userId: opts.userId, purpose: "message_image" },
    select: { id: true, status: true, messageImage: { select: { id: true } } },
  });
  const byId = new Map(uploads.map((u) => [u.id, u]));
  for (const [i, id] of opts.uploadIds.entries()) {
    const u = byId.get(id);
    if (!u || u.messageImage)
      throw new AppError("validation_failed", `Photo ${i + 1} was not found among your uploads.`, {
        fields: { images: "unknown image" },
      });
    if (u.status !== "ready")
      throw new AppError("conflict", `Photo ${i + 1} is still processing (or was refused). Try again in a moment.`, {
        fields: { images: "not ready" },
      });
  }
  await tx.messageImage.createMany({
    data: opts.uploadIds.map((uploadId, position) => ({ messageId: opts.messageId, uploadId, position })),
  });
}
