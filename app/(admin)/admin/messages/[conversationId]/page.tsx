import Link from "next/link";
import { notFound } from "next/navigation";

import { ThreadView } from "@/components/messages/thread-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { getReportedConversation } from "@/lib/messages/get-conversation";

export const metadata = { title: "Reported conversation" };

// Only a reported conversation opens here: participants' other threads stay private.
export default async function AdminConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  await requirePageUser(`/admin/messages/${conversationId}`, "admin");
  const conversation = await getReportedConversation(conversationId).catch(() => null);
  if (!conversation) notFound();
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader
        title={conversation.subject}
        description={`Reported: ${conversation.reportReason ?? ""}`}
        actions={
          <Link href="/admin/messages" className="text-sm underline">
            Back to moderation
          </Link>
        }
      />
      <ThreadView conversation={conversation} />
    </div>
  );
}
