-- Product variants (docs/ARCHITECTURE.md, "Variants"): a listing's options and its variants,
-- each with its own SKU, price and stock; cart lines, order lines and stock history name the
-- variant they are about (null for a listing without variants, which behaves as before).

-- AlterTable
ALTER TABLE "cart_items" ADD COLUMN "variant_key" VARCHAR(36) NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "cart_items" ADD COLUMN "variant_id" UUID;

-- CreateTable
CREATE TABLE "product_options" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "values" TEXT[] NOT NULL,

    CONSTRAINT "product_options_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product_variants" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "option_values" TEXT[] NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "inventory_count" INTEGER NOT NULL DEFAULT 0,
    "image_id" UUID,

    CONSTRAINT "product_variants_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "inventory_adjustments" ADD COLUMN "variant_id" UUID;

-- AlterTable
ALTER TABLE "order_items" ADD COLUMN "variant_id" UUID;

-- AlterTable
ALTER TABLE "order_items" ADD COLUMN "variant_label" VARCHAR(200);

-- CreateIndex
CREATE INDEX "cart_items_variant_id_idx" ON "cart_items"("variant_id");

-- AddForeignKey
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "product_variants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "product_options_product_id_position_key" ON "product_options"("product_id", "position");

-- AddForeignKey
ALTER TABLE "product_options" ADD CONSTRAINT "product_options_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "product_variants_product_id_sku_key" ON "product_variants"("product_id", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "product_variants_product_id_option_values_key" ON "product_variants"("product_id", "option_values");

-- CreateIndex
CREATE INDEX "product_variants_image_id_idx" ON "product_variants"("image_id");

-- AddForeignKey
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "product_images"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "inventory_adjustments_variant_id_idx" ON "inventory_adjustments"("variant_id");

-- AddForeignKey
ALTER TABLE "inventory_adjustments" ADD CONSTRAINT "inventory_adjustments_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "product_variants"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "order_items_variant_id_idx" ON "order_items"("variant_id");

-- AddForeignKey
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "product_variants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The authority a reservation relies on, as products_inventory_count_check is for products.
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_inventory_count_check" CHECK ("inventory_count" >= 0);
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_price_cents_check" CHECK ("price_cents" >= 0);
ALTER TABLE "product_options" ADD CONSTRAINT "product_options_position_check" CHECK ("position" BETWEEN 0 AND 2);

-- A cart holds one line per product and variant: the key gains the variant ("" for none).
ALTER TABLE "cart_items" DROP CONSTRAINT "cart_items_pkey";
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_pkey" PRIMARY KEY ("cart_id", "product_id", "variant_key");

-- Search documents carry each option value as an attribute pair ("size:M"), so a search
-- filters and facets on variant values the way it does on attributes. Same columns as before.
CREATE OR REPLACE VIEW "product_search_source" AS
SELECT
    p."id" AS "product_id",
    p."seller_id",
    p."category_id",
    c."path" AS "category_path",
    cp."paths" AS "category_paths",
    coalesce(cn."names", '') AS "category_names",
    p."title",
    p."description",
    coalesce(pa."pairs", '{}') AS "attribute_pairs",
    coalesce(pa."values", '') AS "attribute_text",
    s."shop_name",
    p."price_cents",
    p."currency",
    p."rating_avg",
    p."review_count",
    s."rating_avg" AS "seller_rating",
    s."avg_fulfilment_hours" AS "seller_fulfilment_hours",
    p."inventory_count" > 0 AS "in_stock",
    p."fraud_score",
    coalesce(p."published_at", p."created_at") AS "published_at",
    (p."status" = 'active' AND s."status" = 'active' AND u."status" = 'active') AS "sellable"
FROM "products" p
JOIN "seller_profiles" s ON s."id" = p."seller_id"
JOIN "users" u ON u."id" = s."user_id"
JOIN "categories" c ON c."id" = p."category_id"
CROSS JOIN LATERAL (
    SELECT ARRAY(
        SELECT array_to_string((string_to_array(c."path", '/'))[1:n], '/')
        FROM generate_series(1, cardinality(string_to_array(c."path", '/'))) AS n
        ORDER BY n
    ) AS "paths"
) cp
LEFT JOIN LATERAL (
    SELECT string_agg(a."name", ' ' ORDER BY a."depth") AS "names" FROM "categories" a WHERE a."path" = ANY (cp."paths")
) cn ON true
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT x."pair" ORDER BY x."pair") AS "pairs",
           string_agg(DISTINCT x."value", ' ') AS "values"
    FROM (
        SELECT a."attribute_key" || ':' || a."attribute_value" AS "pair", a."attribute_value" AS "value"
          FROM "product_attributes" a WHERE a."product_id" = p."id"
        UNION ALL
        SELECT lower(o."name") || ':' || v."value", v."value"
          FROM "product_options" o CROSS JOIN LATERAL unnest(o."values") AS v("value")
         WHERE o."product_id" = p."id"
    ) x
) pa ON true;
