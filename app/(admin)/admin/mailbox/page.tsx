import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { listMailbox } from "@/lib/mail/list-mailbox";

import { EmailPreview } from "./email-preview";

export const metadata = { title: "Mailbox" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ page?: string; to?: string }> }) {
  await requirePageUser("/admin/mailbox", "admin");
  const sp = await searchParams;
  const page = Math.max(1, Math.min(1000, Number(sp.page) || 1));
  const to = sp.to?.slice(0, 254);
  const { messages, total } = await listMailbox({ page, to });
  const pages = Math.max(1, Math.ceil(total / 25));
  return (
    <div>
      <PageHeader
        title="Mailbox"
        description="Every email the platform sent. With SMTP_URL unset, this is where they go."
      />
      <form method="get" className="mb-4 flex gap-2 text-sm">
        <label htmlFor="to" className="sr-only">
          Filter by recipient
        </label>
        <input
          id="to"
          name="to"
          defaultValue={to}
          placeholder="Filter by recipient"
          className="w-64 rounded-md border border-gray-300 px-3 py-1.5"
        />
        <button className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium">Filter</button>
      </form>
      {messages.length === 0 ? (
        <p className="text-muted">No messages.</p>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium">{m.subject}</span>
                  <span className="text-xs text-muted">
                    to {m.to} · {m.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC ·{" "}
                    <span className={m.status === "sent" ? "text-green-700" : "text-amber-700"}>{m.status}</span>
                  </span>
                </summary>
                <EmailPreview subject={m.subject} html={m.html} text={m.body} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={pages}
        href={(p) => `/admin/mailbox?page=${p}${to ? `&to=${encodeURIComponent(to)}` : ""}`}
        previousLabel="Newer"
        nextLabel="Older"
      />
    </div>
  );
}
