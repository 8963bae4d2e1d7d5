import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { participantWhere, partyOf } from "./conversation-access";
import { ZReport } from "./message-input";

/** A participant reports a conversation to the moderators, who may then read it (once: the first report stands). */
export async function reportConversation(opts: {
  userId: string;
  conversationId: string;
  input: unknown;
}): Promise<void> {
  const { reason } = parseInput(ZReport, opts.input);
  const conv = await db().conversation.findFirst({
    where: { id: opts.conversationId, ...participantWhere(opts.userId) },
    select: { id: true, buyerId: true },
  });
  if (!conv) throw new AppError("not_found", "Conversation not found.");
  await db().conversation.updateMany({
    where: { id: conv.id, reportedAt: null },
    data: { reportedAt: new Date(), reportedBy: partyOf(conv, opts.userId), reportReason: reason },
  });
}
