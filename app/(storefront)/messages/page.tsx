import { ConversationList } from "@/components/messages/conversation-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { listConversations } from "@/lib/messages/list-conversations";

export const metadata = { title: "Messages" };

export default async function MessagesPage() {
  const user = await requirePageUser("/messages");
  const { conversations } = await listConversations({ side: "buyer", ownerId: user.id });
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Messages"
        description="Your conversations with shops. Ask a question from any product page or order."
      />
      <ConversationList conversations={conversations} hrefBase="/messages" empty="No conversations yet." />
    </div>
  );
}
