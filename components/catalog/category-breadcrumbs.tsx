import Link from "next/link";

import { categoryTrail } from "@/lib/catalog/category-trail";
import { listCategories } from "@/lib/catalog/list-categories";

/** Home › each category down to `path`, by name; `current` marks the last one as this page. */
export async function CategoryBreadcrumbs({ path, current = false }: { path: string; current?: boolean }) {
  const trail = categoryTrail(await listCategories(), path);
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-muted">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/" className="hover:underline">
            Home
          </Link>
        </li>
        {trail.map((c, i) => (
          <li key={c.path} className="before:mr-1 before:content-['›']">
            <Link
              href={`/c/${c.path}`}
              aria-current={current && i === trail.length - 1 ? "page" : undefined}
              className="hover:underline"
            >
              {c.name}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
