import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { CheckoutKey } from "./create-checkout";
import type { StoredCheckoutKey } from "./find-checkout-replay";
import type { ProductForPricing } from "./price-lines";

type Address = { id: string } & Prisma.InputJsonObject;

/**
 * What a checkout reads before it writes, in one statement: the Idempotency-Key's row if this
 * key was used before (a replay is answered from it), the buyer's chosen address (only theirs:
 * the owner is in the query) and every cart product with what pricing and the flash-sale gate
 * need, with its shipping profile and zones. Read outside the write: it takes no locks, and the write's stock reservation is what
 * must be exact. The address is checked by the caller (a replay needs none), and so is whether
 * the buyer's email address is confirmed (which only orders over a limit need).
 */
export async function loadCheckoutInputs(opts: {
  buyerId: string;
  addressId: string;
  productIds: string[];
  key: CheckoutKey;
}): Promise<{
  stored: StoredCheckoutKey | null;
  address: Address | null;
  products: (ProductForPricing & { isHot: boolean })[];
  buyerVerified: boolean;
}> {
  const [row] = await db().$queryRaw<
    {
      stored: StoredCheckoutKey | null;
      address: Address | null;
      products: (ProductForPricing & { isHot: boolean })[];
      buyerVerified: boolean | null;
    }[]
  >`
    SELECT (SELECT json_build_object('requestHash', k.request_hash, 'responseStatus', k.response_status,
                                     'responseBody', k.response_body, 'completedAt', k.completed_at)
              FROM idempotency_keys k WHERE k.scope = ${opts.key.scope} AND k.key = ${opts.key.key}) AS stored,
           (SELECT json_build_object('id', a.id, 'fullName', a.full_name, 'line1', a.line1, 'line2', a.line2, 'city', a.city,
                                     'region', a.region, 'postalCode', a.postal_code, 'country', a.country, 'phone', a.phone)
              FROM addresses a WHERE a.id = ${opts.addressId}::uuid AND a.user_id = ${opts.buyerId}::uuid) AS address,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', p.id, 'title', p.title, 'priceCents', p.price_cents, 'currency', p.currency, 'status', p.status,
                     'sellerId', p.seller_id, 'isHot', p.is_hot,
                     'seller', json_build_object('status', s.status, 'shopName', s.shop_name),
                     'category', json_build_object('commissionBps', c.commission_bps, 'taxCategory', split_part(c.path, '/', 1)),
                     'shippingProfile', sp.profile,
                     'variants', (SELECT coalesce(json_agg(json_build_object('id', v.id, 'label', v.label, 'priceCents', v.price_cents)), '[]'::json)
                                    FROM product_variants v WHERE v.product_id = p.id))), '[]'::json)
              FROM products p
              JOIN seller_profiles s ON s.id = p.seller_id
              JOIN categories c ON c.id = p.category_id
              -- The listing's own profile, else the shop's default (the seller's own, by the join).
              LEFT JOIN LATERAL (
                SELECT json_build_object('id', f.id, 'name', f.name, 'currency', f.currency, 'zones', (
                         SELECT coalesce(json_agg(json_build_object(
                                  'countries', z.countries, 'restOfWorld', z.rest_of_world,
                                  'firstItemCents', z.first_item_cents, 'additionalItemCents', z.additional_item_cents,
                                  'freeOverCents', z.free_over_cents,
                                  'handlingDaysMin', z.handling_days_min, 'handlingDaysMax', z.handling_days_max,
                                  'transitDaysMin', z.transit_days_min, 'transitDaysMax', z.transit_days_max)), '[]'::json)
                           FROM shipping_zones z WHERE z.profile_id = f.id)) AS profile
                  FROM shipping_profiles f
                 WHERE f.seller_id = p.seller_id AND (f.id = p.shipping_profile_id OR (p.shipping_profile_id IS NULL AND f.is_default))
              ) sp ON true
             WHERE p.id = ANY(${opts.productIds}::uuid[])) AS products,
           (SELECT u.email_verified IS NOT NULL FROM users u WHERE u.id = ${opts.buyerId}::uuid) AS "buyerVerified"`;
  return {
    stored: row.stored,
    address: row.address,
    products: row.products,
    buyerVerified: row.buyerVerified === true,
  };
}
