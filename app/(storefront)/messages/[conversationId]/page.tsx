import { notFound } from "next/navigation";

import { requirePageUser } from "@/lib/auth/guards";
import { getConversation } from "@/lib/messages/get-conversation";

import { ConversationPage } from "../conversation-page";

export const metadata = { title: "Conversation" };

export default async function BuyerConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  const user = await requirePageUser(`/messages/${conversationId}`);
  const conversation = await getConversation({ userId: user.id, conversationId }).catch(() => null);
  if (!conversation) notFound();
  return (
    <ConversationPage
      conversation={conversation}
      backHref={conversation.viewerRole === "seller" ? "/seller/messages" : "/messages"}
    />
  );
}
