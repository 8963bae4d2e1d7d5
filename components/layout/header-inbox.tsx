import Link from "next/link";

import type { CurrentUser } from "@/lib/auth/current-user";
import { countUnreadConversations } from "@/lib/messages/list-conversations";
import { countUnreadNotifications } from "@/lib/notifications/in-app-notifications";

function Count({ n }: { n: number }) {
  if (n === 0) return null;
  return (
    <span
      aria-hidden
      className="absolute -right-1 -top-1 rounded-full bg-brand-600 px-1.5 text-xs font-bold text-white"
    >
      {n > 99 ? "99+" : n}
    </span>
  );
}

const ICON = "inline h-5 w-5 align-text-bottom";

/** The header's messages and notifications links, each with its unread count. */
export async function HeaderInbox({ user }: { user: CurrentUser }) {
  const [notifications, conversations] = await Promise.all([
    countUnreadNotifications(user.id),
    countUnreadConversations({ userId: user.id, sellerId: user.sellerId }),
  ]);
  const messages = conversations.buyer + conversations.seller;
  // A seller's unread questions are in their shop's inbox; their own questions as a buyer in /messages.
  const messagesHref =
    conversations.seller > 0 || (user.sellerId && conversations.buyer === 0) ? "/seller/messages" : "/messages";
  return (
    <>
      <Link
        href={messagesHref}
        className="relative rounded-md px-3 py-2 text-sm font-medium hover:bg-gray-100"
        aria-label={`Messages, ${messages} unread`}
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className={ICON}
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
        </svg>
        <Count n={messages} />
      </Link>
      <Link
        href="/notifications"
        className="relative rounded-md px-3 py-2 text-sm font-medium hover:bg-gray-100"
        aria-label={`Notifications, ${notifications} unread`}
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className={ICON}
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        <Count n={notifications} />
      </Link>
    </>
  );
}
