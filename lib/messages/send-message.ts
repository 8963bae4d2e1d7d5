import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { participantWhere, partyOf } from "./conversation-access";
import { ZMessage } from "./message-input";
import { writeMessage } from "./write-message";

/** A participant replies in a conversation; anyone else is told it doesn't exist. */
export async function sendMessage(opts: {
  userId: string;
  conversationId: string;
  message: unknown;
}): Promise<{ messageId: string; offPlatformSignals: string[] }> {
  const message = parseInput(ZMessage, opts.message);
  await enforceRateLimit(getRateLimitStore(), RATE_LIMITS.messageSendPerUser, [opts.userId]);
  return db().$transaction(async (tx) => {
    const conv = await tx.conversation.findFirst({
      where: { id: opts.conversationId, ...participantWhere(opts.userId) },
      select: { id: true, buyerId: true },
    });
    if (!conv) throw new AppError("not_found", "Conversation not found.");
    // One writer at a time per thread, so the unread counters add up.
    await tx.$executeRaw`SELECT 1 FROM conversations WHERE id = ${conv.id}::uuid FOR UPDATE`;
    return writeMessage(tx, {
      conversationId: conv.id,
      authorId: opts.userId,
      authorRole: partyOf(conv, opts.userId),
      message,
    });
  });
}
