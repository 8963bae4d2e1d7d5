import type { ConversationParty } from "@/lib/generated/prisma/enums";
import type { ObjectStorage } from "@/lib/storage/object-storage";
import type { ImageVariant } from "@/lib/storage/write-image-variants";

export type MessageView = {
  id: string;
  authorRole: ConversationParty;
  authorName: string;
  body: string;
  offPlatformSignals: string[];
  createdAt: Date;
  images: { uploadId: string; url: string; fullUrl: string }[];
};

export type ConversationView = {
  id: string;
  subject: string;
  /** Which side the viewer is on; "admin" for a moderator reading a reported thread. */
  viewerRole: ConversationParty | "admin";
  buyerName: string;
  shopName: string;
  productId: string | null;
  orderId: string | null;
  blockedBy: ConversationParty | null;
  reportedAt: Date | null;
  reportReason: string | null;
  flaggedAt: Date | null;
  messages: MessageView[];
};

export const CONVERSATION_VIEW_SELECT = {
  id: true,
  buyerId: true,
  subject: true,
  productId: true,
  orderId: true,
  blockedBy: true,
  reportedAt: true,
  reportReason: true,
  flaggedAt: true,
  buyer: { select: { name: true } },
  seller: { select: { shopName: true, userId: true } },
  messages: {
    orderBy: { createdAt: "asc" as const },
    take: 500,
    select: {
      id: true,
      authorRole: true,
      body: true,
      offPlatformSignals: true,
      createdAt: true,
      images: {
        orderBy: { position: "asc" as const },
        select: { uploadId: true, upload: { select: { variants: true } } },
      },
    },
  },
} as const;

type Row = {
  id: string;
  subject: string;
  productId: string | null;
  orderId: string | null;
  blockedBy: ConversationParty | null;
  reportedAt: Date | null;
  reportReason: string | null;
  flaggedAt: Date | null;
  buyer: { name: string | null };
  seller: { shopName: string };
  messages: {
    id: string;
    authorRole: ConversationParty;
    body: string;
    offPlatformSignals: string[];
    createdAt: Date;
    images: { uploadId: string; upload: { variants: unknown } }[];
  }[];
};

export function conversationView(
  row: Row,
  viewerRole: ConversationView["viewerRole"],
  storage: Pick<ObjectStorage, "publicUrl">,
): ConversationView {
  const buyerName = row.buyer.name ?? "Buyer";
  return {
    id: row.id,
    subject: row.subject,
    viewerRole,
    buyerName,
    shopName: row.seller.shopName,
    productId: row.productId,
    orderId: row.orderId,
    blockedBy: row.blockedBy,
    reportedAt: row.reportedAt,
    reportReason: row.reportReason,
    flaggedAt: row.flaggedAt,
    messages: row.messages.map((m) => ({
      id: m.id,
      authorRole: m.authorRole,
      authorName: m.authorRole === "buyer" ? buyerName : row.seller.shopName,
      body: m.body,
      offPlatformSignals: m.offPlatformSignals,
      createdAt: m.createdAt,
      images: m.images.flatMap((img) => {
        const sorted = [...((img.upload.variants as ImageVariant[]) ?? [])].sort((a, b) => a.width - b.width);
        if (sorted.length === 0) return [];
        return [
          {
            uploadId: img.uploadId,
            url: storage.publicUrl(sorted[0].key),
            fullUrl: storage.publicUrl(sorted[sorted.length - 1].key),
          },
        ];
      }),
    })),
  };
}
