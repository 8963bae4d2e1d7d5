import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requirePageUser } from "@/lib/auth/guards";
import { getSearchStatus } from "@/lib/search/indexing/get-search-status";
import { listSearchSynonyms } from "@/lib/search/query/search-synonyms";

import { deleteSynonymAction, saveSynonymAction } from "./actions";
import { DeleteSynonymButton, SynonymForm } from "./synonym-forms";

export const metadata = { title: "Search" };

export default async function AdminSearchPage() {
  await requirePageUser("/admin/search", "admin");
  const [status, synonyms] = await Promise.all([getSearchStatus(), listSearchSynonyms()]);
  return (
    <div className="space-y-8">
      <PageHeader title="Search" description="Synonyms shoppers' words expand to, and the state of the search index." />

      <section aria-labelledby="index-heading">
        <h2 id="index-heading" className="mb-3 text-lg font-semibold">
          Index
        </h2>
        <div className="grid gap-3 sm:grid-cols-4">
          <StatCard label="Engine" value={status.engine === "postgres" ? "PostgreSQL" : "Meilisearch"} />
          <StatCard
            label="Documents"
            value={status.documents == null ? "in Meilisearch" : status.documents.toLocaleString("en-US")}
          />
          <StatCard label="Changes waiting" value={status.pendingEvents.toLocaleString("en-US")} />
          <StatCard
            label="Indexer last moved"
            value={status.indexedAt ? `${status.indexedAt.toISOString().slice(0, 19).replace("T", " ")} UTC` : "never"}
          />
        </div>
        <p className="mt-2 text-sm text-muted">
          Rebuild everything with <code>npm run search:reindex</code>; search keeps serving meanwhile. Admins can add{" "}
          <code>debug=1</code> to a search URL to see each result&apos;s score breakdown.
        </p>
      </section>

      <section aria-labelledby="synonyms-heading" className="space-y-4">
        <h2 id="synonyms-heading" className="text-lg font-semibold">
          Synonyms
        </h2>
        <p className="text-sm text-muted">
          Every word of a group finds listings that use any of the others (“sofa” finds couches and “couch” finds
          sofas). Changes apply within 30 seconds.
        </p>
        <div className="rounded-lg border border-gray-200 bg-white p-4">
          <SynonymForm action={saveSynonymAction} />
        </div>
        {synonyms.length === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 bg-white p-6 text-center text-muted">
            No synonyms yet.
          </p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
            {synonyms.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3 p-3">
                <span className="w-40 font-semibold">{s.term}</span>
                <div className="flex-1">
                  <SynonymForm action={saveSynonymAction} term={s.term} synonyms={s.synonyms} />
                </div>
                <DeleteSynonymButton action={deleteSynonymAction.bind(null, s.id)} term={s.term} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
