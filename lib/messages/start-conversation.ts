import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { ZConversationTopic, ZMessage } from "./message-input";
import { writeMessage } from "./write-message";

/**
 * A buyer writes to a shop about a live product or one of their own orders. Asking again about
 * the same thing continues the same conversation. A seller cannot write to their own shop.
 */
export async function startConversation(opts: {
  buyerId: string;
  topic: unknown;
  message: unknown;
}): Promise<{ conversationId: string; messageId: string; offPlatformSignals: string[] }> {
  const topic = parseInput(ZConversationTopic, opts.topic, "Question");
  const message = parseInput(ZMessage, opts.message);
  const target =
    topic.kind === "product"
      ? await db().product.findFirst({
          where: { id: topic.productId, status: "active" },
          select: { id: true, title: true, sellerId: true, seller: { select: { userId: true } } },
        })
      : await db().order.findFirst({
          // The buyer's own order only: the query is the authorization.
          where: { id: topic.orderId, buyerId: opts.buyerId },
          select: { id: true, sellerId: true, seller: { select: { userId: true } } },
        });
  if (!target) throw new AppError("not_found", topic.kind === "product" ? "Product not found." : "Order not found.");
  if (target.seller.userId === opts.buyerId) throw new AppError("conflict", "This is your own shop.");
  const topicKey = topic.kind === "product" ? `product:${target.id}` : `order:${target.id}`;
  const subject: string = "title" in target ? String(target.title) : `Order ${target.id.slice(0, 8)}`;

  const store = getRateLimitStore();
  await enforceRateLimit(store, RATE_LIMITS.messageSendPerUser, [opts.buyerId]);
  const existing = await db().conversation.findUnique({
    where: { buyerId_sellerId_topicKey: { buyerId: opts.buyerId, sellerId: target.sellerId, topicKey } },
    select: { id: true },
  });
  if (!existing) await enforceRateLimit(store, RATE_LIMITS.conversationStartPerUser, [opts.buyerId]);

  return db().$transaction(async (tx) => {
    const conv = await tx.conversation.upsert({
      where: { buyerId_sellerId_topicKey: { buyerId: opts.buyerId, sellerId: target.sellerId, topicKey } },
      create: {
        buyerId: opts.buyerId,
        sellerId: target.sellerId,
        topicKey,
        subject: subject.slice(0, 200),
        ...(topic.kind === "product" ? { productId: target.id } : { orderId: target.id }),
      },
      update: {},
      select: { id: true },
    });
    await tx.$executeRaw`SELECT 1 FROM conversations WHERE id = ${conv.id}::uuid FOR UPDATE`;
    const written = await writeMessage(tx, {
      conversationId: conv.id,
      authorId: opts.buyerId,
      authorRole: "buyer",
      message,
    });
    return { conversationId: conv.id, ...written };
  });
}
