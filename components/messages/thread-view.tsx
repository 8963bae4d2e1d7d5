import Link from "next/link";

import { LocalTime } from "@/components/ui/local-time";
import type { ConversationView } from "@/lib/messages/conversation-view";
import { OFF_PLATFORM_NOTICE } from "@/lib/messages/off-platform-signals";

/** A conversation's messages, oldest first; flagged ones from the shop carry the off-platform notice for the buyer (every flagged one for moderators). */
export function ThreadView({ conversation: c }: { conversation: ConversationView }) {
  const mine = c.viewerRole === "admin" ? null : c.viewerRole;
  const showNotice = c.viewerRole !== "seller";
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        {c.viewerRole === "seller"
          ? `With ${c.buyerName}`
          : c.viewerRole === "buyer"
            ? `With ${c.shopName}`
            : `${c.buyerName} and ${c.shopName}`}
        {c.productId ? (
          <>
            {" · about "}
            <Link href={`/products/${c.productId}`} className="underline">
              the product
            </Link>
          </>
        ) : null}
        {c.orderId && c.viewerRole !== "admin" ? (
          <>
            {" · about "}
            <Link href={c.viewerRole === "seller" ? "/seller/orders" : `/orders/${c.orderId}`} className="underline">
              order {c.orderId.slice(0, 8)}
            </Link>
          </>
        ) : null}
      </p>
      <ol aria-label="Messages" className="space-y-3">
        {c.messages.map((m) => {
          const own = m.authorRole === mine;
          return (
            <li key={m.id} className={`flex ${own ? "justify-end" : "justify-start"}`}>
              <article
                aria-label={`${own ? "You" : m.authorName}`}
                className={`max-w-[85%] rounded-lg border p-3 text-sm ${own ? "border-brand-200 bg-brand-50" : "border-gray-200 bg-white"}`}
              >
                <p className="mb-1 text-xs text-muted">
                  <span className="font-semibold text-ink">{own ? "You" : m.authorName}</span> ·{" "}
                  <LocalTime iso={m.createdAt.toISOString()} />
                </p>
                <p className="whitespace-pre-wrap break-words">{m.body}</p>
                {m.images.length > 0 ? (
                  <ul className="mt-2 flex flex-wrap gap-2" aria-label="Photos">
                    {m.images.map((img, i) => (
                      <li key={img.uploadId}>
                        <a href={img.fullUrl} target="_blank" rel="noreferrer">
                          {/* eslint-disable-next-line @next/next/no-img-element -- stored variants, already sized */}
                          <img
                            src={img.url}
                            alt={`Photo ${i + 1} from ${m.authorName}`}
                            className="h-24 w-24 rounded object-cover"
                          />
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {m.offPlatformSignals.length > 0 && showNotice && !own ? (
                  <p role="note" className="mt-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900">
                    {OFF_PLATFORM_NOTICE}
                  </p>
                ) : null}
              </article>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
