import Link from "next/link";

import { ConversationList } from "@/components/messages/conversation-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageSeller } from "@/lib/auth/guards";
import { listConversations, type ConversationFilter } from "@/lib/messages/list-conversations";

export const metadata = { title: "Messages" };

const FILTERS: { value: ConversationFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "unread", label: "Unread" },
  { value: "order", label: "About an order" },
  { value: "product", label: "About a product" },
];

export default async function SellerMessagesPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const seller = await requirePageSeller("/seller/messages");
  const asked = (await searchParams).filter;
  const filter = FILTERS.find((f) => f.value === asked)?.value ?? "all";
  const { conversations, total } = await listConversations({ side: "seller", ownerId: seller.sellerId, filter });
  return (
    <div>
      <PageHeader title="Messages" description="Questions from buyers about your products and their orders." />
      <nav aria-label="Filter conversations" className="mb-4 flex flex-wrap gap-2 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={f.value === "all" ? "/seller/messages" : `/seller/messages?filter=${f.value}`}
            aria-current={f.value === filter ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${f.value === filter ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-gray-300"}`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <p className="mb-2 text-sm text-muted">
        {total} {total === 1 ? "conversation" : "conversations"}
      </p>
      <ConversationList
        conversations={conversations}
        hrefBase="/seller/messages"
        empty={filter === "all" ? "No messages yet." : "No conversations match this filter."}
      />
    </div>
  );
}
