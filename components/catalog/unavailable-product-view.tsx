import Link from "next/link";

import type { UnavailableProduct } from "@/lib/catalog/find-unavailable-product";

import { CategoryBreadcrumbs } from "./category-breadcrumbs";
import { LostVisitorHelp } from "./lost-visitor-help";

/** The page of a listing that was live once and isn't now: it says so, and where to look instead. */
export function UnavailableProductView({ product }: { product: UnavailableProduct }) {
  return (
    <div>
      <CategoryBreadcrumbs path={product.category.path} />
      <div className="mx-auto max-w-xl py-8 text-center">
        <h1 className="text-2xl font-bold">
          {product.reason === "gone" ? "This product is no longer available" : "This product is unavailable for now"}
        </h1>
        <p className="mt-2 text-muted">
          {product.reason === "gone"
            ? "The seller has taken it down or their shop is closed, so it can't be bought any more."
            : "The seller is updating it; it comes back once it has been reviewed."}{" "}
          <Link href={`/c/${product.category.path}`} className="font-medium text-brand-700 underline">
            See more in {product.category.name}
          </Link>
        </p>
        <LostVisitorHelp />
      </div>
    </div>
  );
}
