import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { ConversationSummary } from "@/lib/messages/list-conversations";

const ABOUT = { product: "Product", order: "Order", shop: "Shop" } as const;

/** Threads, newest first, with the unread count of each. */
export function ConversationList({
  conversations,
  hrefBase,
  empty,
}: {
  conversations: ConversationSummary[];
  hrefBase: "/messages" | "/seller/messages";
  empty: string;
}) {
  if (conversations.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white" aria-label="Conversations">
      {conversations.map((c) => (
        <li key={c.id}>
          <Link href={`${hrefBase}/${c.id}`} className="flex flex-wrap items-start gap-3 p-4 hover:bg-gray-50">
            <div className="min-w-0 flex-1">
              <p className={`truncate ${c.unread > 0 ? "font-semibold" : ""}`}>
                {c.subject} <span className="font-normal text-muted">· {c.counterpart}</span>
              </p>
              <p className="truncate text-sm text-muted">{c.lastMessage}</p>
            </div>
            <div className="flex items-center gap-2 text-xs text-muted">
              <span className="rounded bg-gray-100 px-2 py-0.5">{ABOUT[c.about]}</span>
              {c.blocked ? <span className="rounded bg-gray-200 px-2 py-0.5">Blocked</span> : null}
              {c.unread > 0 ? (
                <span className="rounded-full bg-brand-600 px-2 py-0.5 font-bold text-white">{c.unread} unread</span>
              ) : null}
              <LocalTime iso={c.lastMessageAt.toISOString()} />
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
