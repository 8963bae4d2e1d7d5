import "server-only";

import { db, type Prisma } from "@/lib/db/client";

export type ConversationFilter = "all" | "unread" | "order" | "product";

export type ConversationSummary = {
  id: string;
  subject: string;
  /** The other side: the shop for a buyer, the buyer for a seller. */
  counterpart: string;
  about: "product" | "order" | "shop";
  unread: number;
  lastMessageAt: Date;
  lastMessage: string;
  blocked: boolean;
  flagged: boolean;
};

/**
 * A person's conversations, newest first: as a buyer (`side: "buyer"`) or as their shop's inbox
 * (`side: "seller"`, by shop id), with the seller inbox's filters.
 */
export async function listConversations(opts: {
  side: "buyer" | "seller";
  /** The buyer's user id, or the seller's shop id. */
  ownerId: string;
  filter?: ConversationFilter;
  page?: number;
  pageSize?: number;
}): Promise<{ conversations: ConversationSummary[]; total: number }> {
  const buyer = opts.side === "buyer";
  const filter = opts.filter ?? "all";
  const pageSize = Math.min(opts.pageSize ?? 25, 100);
  const page = Math.max(1, opts.page ?? 1);
  const where: Prisma.ConversationWhereInput = {
    ...(buyer ? { buyerId: opts.ownerId } : { sellerId: opts.ownerId }),
    ...(filter === "unread" ? (buyer ? { buyerUnread: { gt: 0 } } : { sellerUnread: { gt: 0 } }) : {}),
    ...(filter === "order" ? { orderId: { not: null } } : {}),
    ...(filter === "product" ? { productId: { not: null } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().conversation.findMany({
      where,
      orderBy: { lastMessageAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        subject: true,
        topicKey: true,
        buyerUnread: true,
        sellerUnread: true,
        lastMessageAt: true,
        blockedBy: true,
        flaggedAt: true,
        buyer: { select: { name: true } },
        seller: { select: { shopName: true } },
        messages: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true } },
      },
    }),
    db().conversation.count({ where }),
  ]);
  return {
    conversations: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      counterpart: buyer ? r.seller.shopName : (r.buyer.name ?? "Buyer"),
      about: r.topicKey.startsWith("order:") ? "order" : r.topicKey.startsWith("product:") ? "product" : "shop",
      unread: buyer ? r.buyerUnread : r.sellerUnread,
      lastMessageAt: r.lastMessageAt,
      lastMessage: r.messages[0]?.body.slice(0, 140) ?? "",
      blocked: r.blockedBy !== null,
      flagged: r.flaggedAt !== null,
    })),
    total,
  };
}

/** Conversations with messages the person hasn't read, as a buyer and in their shop's inbox. */
export async function countUnreadConversations(opts: {
  userId: string;
  sellerId: string | null;
}): Promise<{ buyer: number; seller: number }> {
  const [buyerCount, sellerCount] = await Promise.all([
    db().conversation.count({ where: { buyerId: opts.userId, buyerUnread: { gt: 0 } } }),
    opts.sellerId ? db().conversation.count({ where: { sellerId: opts.sellerId, sellerUnread: { gt: 0 } } }) : 0,
  ]);
  return { buyer: buyerCount, seller: sellerCount };
}
