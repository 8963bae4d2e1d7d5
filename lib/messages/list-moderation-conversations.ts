import "server-only";

import { db } from "@/lib/db/client";

export type ModerationConversation = {
  id: string;
  subject: string;
  buyerName: string;
  shopName: string;
  reportedAt: Date | null;
  reportReason: string | null;
  flaggedAt: Date | null;
  /** The flagged messages only (a moderator reads the whole thread once it is reported). */
  flaggedMessages: { id: string; body: string; signals: string[]; createdAt: Date }[];
};

/** Conversations for the moderators: reported by a participant, or flagged for pushing payment off the platform. */
export async function listModerationConversations(opts: { page?: number; pageSize?: number } = {}): Promise<{
  conversations: ModerationConversation[];
  total: number;
}> {
  const pageSize = Math.min(opts.pageSize ?? 25, 100);
  const page = Math.max(1, opts.page ?? 1);
  const where = { OR: [{ reportedAt: { not: null } }, { flaggedAt: { not: null } }] };
  const [rows, total] = await Promise.all([
    db().conversation.findMany({
      where,
      orderBy: { lastMessageAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        subject: true,
        reportedAt: true,
        reportReason: true,
        flaggedAt: true,
        buyer: { select: { name: true } },
        seller: { select: { shopName: true } },
        messages: {
          where: { NOT: { offPlatformSignals: { isEmpty: true } } },
          orderBy: { createdAt: "asc" },
          take: 5,
          select: { id: true, body: true, offPlatformSignals: true, createdAt: true },
        },
      },
    }),
    db().conversation.count({ where }),
  ]);
  return {
    conversations: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      buyerName: r.buyer.name ?? "Buyer",
      shopName: r.seller.shopName,
      reportedAt: r.reportedAt,
      reportReason: r.reportReason,
      flaggedAt: r.flaggedAt,
      flaggedMessages: r.messages.map((m) => ({
        id: m.id,
        body: m.body,
        signals: m.offPlatformSignals,
        createdAt: m.createdAt,
      })),
    })),
    total,
  };
}
