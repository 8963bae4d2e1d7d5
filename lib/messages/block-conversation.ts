import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { participantWhere, partyOf } from "./conversation-access";

/**
 * A participant blocks a conversation (no one can write in it any more) or lifts their own
 * block. Only the side that blocked can unblock.
 */
export async function setConversationBlock(opts: {
  userId: string;
  conversationId: string;
  blocked: boolean;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const conv = await tx.conversation.findFirst({
      where: { id: opts.conversationId, ...participantWhere(opts.userId) },
      select: { id: true, buyerId: true, blockedBy: true },
    });
    if (!conv) throw new AppError("not_found", "Conversation not found.");
    const me = partyOf(conv, opts.userId);
    if (opts.blocked) {
      if (conv.blockedBy) return;
      await tx.conversation.update({ where: { id: conv.id }, data: { blockedBy: me, blockedAt: new Date() } });
      return;
    }
    if (conv.blockedBy && conv.blockedBy !== me)
      throw new AppError("forbidden", "Only the side that blocked this conversation can unblock it.");
    await tx.conversation.update({ where: { id: conv.id }, data: { blockedBy: null, blockedAt: null } });
  });
}
