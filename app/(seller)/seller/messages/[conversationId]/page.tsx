import { notFound } from "next/navigation";

import { ConversationPage } from "@/app/(storefront)/messages/conversation-page";
import { requirePageSeller } from "@/lib/auth/guards";
import { getConversation } from "@/lib/messages/get-conversation";

export const metadata = { title: "Conversation" };

export default async function SellerConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  const seller = await requirePageSeller(`/seller/messages/${conversationId}`);
  const conversation = await getConversation({ userId: seller.id, conversationId }).catch(() => null);
  if (!conversation) notFound();
  return <ConversationPage conversation={conversation} backHref="/seller/messages" />;
}
