import Link from "next/link";

import { ProductCard } from "@/components/catalog/product-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { listFavourites } from "@/lib/favourites/list-favourites";

export const metadata = { title: "Your favourites" };

/** The listings the buyer saved with the heart, newest first; they hear when one is back in stock or cheaper. */
export default async function FavouritesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("/favourites");
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const { products, total, pages } = await listFavourites({ userId: user.id, page });
  return (
    <div>
      <PageHeader
        title="Your favourites"
        description={`${total} saved ${total === 1 ? "item" : "items"}. We let you know when one is back in stock or its price drops.`}
      />
      {products.length === 0 ? (
        <EmptyState>
          Nothing saved yet: tap the heart on any item to keep it here.{" "}
          <Link href="/" className="text-brand-700 underline">
            Start shopping
          </Link>
          .
        </EmptyState>
      ) : (
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {products.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
        </div>
      )}
      <Pagination page={page} pageCount={pages} href={(n) => `/favourites?page=${n}`} label="Favourites pages" />
    </div>
  );
}
