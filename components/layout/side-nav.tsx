import Link from "next/link";

export type NavItem = { href: string; label: string; /** A count shown beside it (unread messages). */ badge?: number };

/** The dashboard navigation: a sidebar on desktop, a scrollable strip on phones. */
export function SideNav({ title, items }: { title: string; items: NavItem[] }) {
  return (
    <nav aria-label={title} className="border-b border-gray-200 bg-white md:w-56 md:shrink-0 md:border-b-0 md:border-r">
      <p className="hidden px-4 pt-6 text-xs font-semibold uppercase tracking-wide text-muted md:block">{title}</p>
      <ul className="flex gap-1 overflow-x-auto px-2 py-2 md:flex-col md:px-2 md:py-3">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-ink hover:bg-gray-100"
            >
              {item.label}
              {item.badge ? (
                <span className="ml-2 rounded-full bg-brand-600 px-1.5 text-xs font-bold text-white">
                  {item.badge}
                  <span className="sr-only"> unread</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
