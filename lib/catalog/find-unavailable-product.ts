import "server-only";

import { readDb } from "@/lib/db/read-db";

export type UnavailableProduct = {
  /** gone: deleted by its seller, suspended, or its shop closed; paused: back in review after an edit. */
  reason: "gone" | "paused";
  category: { name: string; path: string };
};

/**
 * A listing that was once live and isn't now, for its page to say so rather than "page not
 * found". Never a listing that was never published (a draft's existence is the seller's), and
 * no title: an unpublished edit's words haven't been reviewed.
 */
export async function findUnavailableProduct(productId: string): Promise<UnavailableProduct | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(productId)) return null;
  const p = await readDb().product.findFirst({
    where: { id: productId, publishedAt: { not: null } },
    select: { status: true, seller: { select: { status: true } }, category: { select: { name: true, path: true } } },
  });
  if (!p || (p.status === "active" && p.seller.status === "active")) return null;
  const paused = p.seller.status === "active" && (p.status === "pending_review" || p.status === "draft");
  return { reason: paused ? "paused" : "gone", category: p.category };
}
