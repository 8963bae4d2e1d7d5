import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { listModerationConversations } from "@/lib/messages/list-moderation-conversations";

export const metadata = { title: "Messages to moderate" };

const SIGNAL = {
  email: "email address",
  phone: "phone number",
  payment_link: "payment link",
  bank_transfer: "bank transfer",
} as Record<string, string>;

export default async function AdminMessagesPage() {
  await requirePageUser("/admin/messages", "admin");
  const { conversations } = await listModerationConversations();
  return (
    <div>
      <PageHeader
        title="Messages to moderate"
        description="Conversations a participant reported, and messages that push payment off the platform. A reported conversation can be read in full."
      />
      {conversations.length === 0 ? (
        <EmptyState>Nothing to moderate.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Conversations to moderate">
          {conversations.map((c) => (
            <li key={c.id} className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
              <p className="font-semibold">
                {c.subject}{" "}
                <span className="font-normal text-muted">
                  · {c.buyerName} and {c.shopName}
                </span>
              </p>
              {c.reportedAt ? (
                <p className="mt-1">
                  Reported <LocalTime iso={c.reportedAt.toISOString()} />: {c.reportReason}{" "}
                  <Link href={`/admin/messages/${c.id}`} className="underline">
                    Read the conversation
                  </Link>
                </p>
              ) : null}
              {c.flaggedMessages.length > 0 ? (
                <ul className="mt-2 space-y-1" aria-label="Flagged messages">
                  {c.flaggedMessages.map((m) => (
                    <li key={m.id} className="rounded bg-amber-50 p-2 text-amber-900">
                      <span className="font-medium">Flagged ({m.signals.map((s) => SIGNAL[s] ?? s).join(", ")}):</span>{" "}
                      <span className="whitespace-pre-wrap break-words">{m.body}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
