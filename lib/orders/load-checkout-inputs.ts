import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { ProductForPricing } from "./price-lines";

/**
 * What a checkout reads before it writes, in one statement: the buyer's chosen address (only
 * theirs: the owner is in the query) and every cart product with what pricing needs. Read
 * before the transaction: it takes no locks, so reading it inside would only hold the
 * transaction open longer; the stock reservation inside is what must be exact.
 */
export async function loadCheckoutInputs(opts: {
  buyerId: string;
  addressId: string;
  productIds: string[];
}): Promise<{ address: { id: string } & Prisma.InputJsonObject; products: ProductForPricing[] }> {
  const [row] = await db().$queryRaw<
    { address: ({ id: string } & Prisma.InputJsonObject) | null; products: ProductForPricing[] }[]
  >`
    SELECT (SELECT json_build_object('id', a.id, 'fullName', a.full_name, 'line1', a.line1, 'line2', a.line2, 'city', a.city,
                                     'region', a.region, 'postalCode', a.postal_code, 'country', a.country, 'phone', a.phone)
              FROM addresses a WHERE a.id = ${opts.addressId}::uuid AND a.user_id = ${opts.buyerId}::uuid) AS address,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', p.id, 'title', p.title, 'priceCents', p.price_cents, 'currency', p.currency, 'status', p.status,
                     'sellerId', p.seller_id, 'seller', json_build_object('status', s.status),
                     'category', json_build_object('commissionBps', c.commission_bps))), '[]'::json)
              FROM products p
              JOIN seller_profiles s ON s.id = p.seller_id
              JOIN categories c ON c.id = p.category_id
             WHERE p.id = ANY(${opts.productIds}::uuid[])) AS products`;
  if (!row?.address) throw new AppError("not_found", "Choose one of your shipping addresses.");
  return { address: row.address, products: row.products };
}
