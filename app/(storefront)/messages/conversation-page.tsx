import Link from "next/link";

import { MessageComposer } from "@/components/messages/message-composer";
import { ThreadControls } from "@/components/messages/thread-controls";
import { ThreadView } from "@/components/messages/thread-view";
import { PageHeader } from "@/components/ui/page-header";
import type { ConversationView } from "@/lib/messages/conversation-view";

import { blockConversationAction, reportConversationAction, sendMessageAction } from "./actions";

/** A participant's view of a thread: the messages, the reply box, block and report. */
export function ConversationPage({ conversation: c, backHref }: { conversation: ConversationView; backHref: string }) {
  const blocked = c.blockedBy !== null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={c.subject}
        actions={
          <Link href={backHref} className="text-sm underline">
            All conversations
          </Link>
        }
      />
      <ThreadView conversation={c} />
      {blocked ? (
        <p role="status" className="rounded-md bg-gray-100 p-3 text-sm">
          {c.blockedBy === c.viewerRole
            ? "You blocked this conversation: no more messages can be sent."
            : "This conversation is closed: no more messages can be sent."}
        </p>
      ) : (
        <MessageComposer action={sendMessageAction.bind(null, c.id)} formLabel="Reply" label="Your reply" />
      )}
      <ThreadControls
        blockAction={blockConversationAction.bind(null, c.id, !blocked)}
        blocked={blocked}
        canUnblock={c.blockedBy === c.viewerRole}
        reportAction={reportConversationAction.bind(null, c.id)}
        reported={c.reportedAt !== null}
      />
    </div>
  );
}
