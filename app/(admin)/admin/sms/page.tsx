import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { listSmsInbox } from "@/lib/sms/list-sms-inbox";

export const metadata = { title: "SMS inbox" };

export default async function SmsInboxPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; to?: string }>;
}) {
  await requirePageUser("/admin/sms", "admin");
  const sp = await searchParams;
  const page = Math.max(1, Math.min(1000, Number(sp.page) || 1));
  const to = sp.to?.slice(0, 30);
  const { messages, total } = await listSmsInbox({ page, to });
  const pages = Math.max(1, Math.ceil(total / 25));
  return (
    <div>
      <PageHeader
        title="SMS inbox"
        description="Every text message the platform sent or has waiting (quiet hours). With Twilio unset, this is where they go."
      />
      <form method="get" className="mb-4 flex gap-2 text-sm">
        <label htmlFor="to" className="sr-only">
          Filter by number
        </label>
        <input
          id="to"
          name="to"
          defaultValue={to}
          placeholder="Filter by number"
          className="w-64 rounded-md border border-gray-300 px-3 py-1.5"
        />
        <button className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium">Filter</button>
      </form>
      {messages.length === 0 ? (
        <p className="text-muted">No text messages.</p>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
              <p className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-muted">
                <span>
                  to <span className="font-medium text-ink">{m.to}</span> · {m.template}
                </span>
                <span>
                  <LocalTime iso={m.createdAt.toISOString()} /> ·{" "}
                  <span className={m.status === "sent" ? "text-green-700" : "text-amber-700"}>
                    {m.status === "queued" ? "waiting" : m.status}
                  </span>
                </span>
              </p>
              <p className="mt-2 text-sm text-ink">{m.body}</p>
              {m.error ? <p className="mt-1 text-xs text-red-700">{m.error}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={pages}
        href={(p) => `/admin/sms?page=${p}${to ? `&to=${encodeURIComponent(to)}` : ""}`}
        previousLabel="Newer"
        nextLabel="Older"
      />
    </div>
  );
}
