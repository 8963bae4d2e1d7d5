import "server-only";

import { db } from "@/lib/db/client";
import { getStorage } from "@/lib/storage/get-storage";

import { participantWhere, partyOf } from "./conversation-access";
import { CONVERSATION_VIEW_SELECT, conversationView, type ConversationView } from "./conversation-view";

/**
 * A conversation as one of its two participants reads it, and marks it read for them; null for
 * anyone else (the page answers 404, so an outsider learns nothing about it).
 */
export async function getConversation(opts: {
  userId: string;
  conversationId: string;
}): Promise<ConversationView | null> {
  const row = await db().conversation.findFirst({
    where: { id: opts.conversationId, ...participantWhere(opts.userId) },
    select: CONVERSATION_VIEW_SELECT,
  });
  if (!row) return null;
  const role = partyOf(row, opts.userId);
  const now = new Date();
  await db().conversation.update({
    where: { id: row.id },
    data: role === "buyer" ? { buyerReadAt: now, buyerUnread: 0 } : { sellerReadAt: now, sellerUnread: 0 },
  });
  return conversationView(row, role, getStorage());
}

/** A conversation for a moderator: only once a participant reported it (null otherwise). */
export async function getReportedConversation(conversationId: string): Promise<ConversationView | null> {
  const row = await db().conversation.findFirst({
    where: { id: conversationId, reportedAt: { not: null } },
    select: CONVERSATION_VIEW_SELECT,
  });
  return row ? conversationView(row, "admin", getStorage()) : null;
}
