-- Favourites, recently viewed listings, co-purchase counts (lib/favourites, lib/recommendations)
-- and the recommendation analytics events.
-- AlterEnum
ALTER TYPE "AnalyticsEventKind" ADD VALUE 'rec_impression';

-- AlterEnum
ALTER TYPE "AnalyticsEventKind" ADD VALUE 'rec_click';

-- AlterTable
ALTER TABLE "analytics_events" ADD COLUMN "placement" VARCHAR(60);

-- CreateTable
CREATE TABLE "favourites" (
    "user_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "favourites_pkey" PRIMARY KEY ("user_id","product_id")
);

-- CreateTable
CREATE TABLE "recently_viewed" (
    "user_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "viewed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recently_viewed_pkey" PRIMARY KEY ("user_id","product_id")
);

-- CreateTable
CREATE TABLE "co_purchase_pairs" (
    "product_id" UUID NOT NULL,
    "other_product_id" UUID NOT NULL,
    "checkouts" INTEGER NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "co_purchase_pairs_pkey" PRIMARY KEY ("product_id","other_product_id")
);

-- CreateIndex
CREATE INDEX "favourites_product_id_idx" ON "favourites"("product_id");

-- CreateIndex
CREATE INDEX "favourites_user_id_created_at_idx" ON "favourites"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "favourites" ADD CONSTRAINT "favourites_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "favourites" ADD CONSTRAINT "favourites_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "recently_viewed_user_id_viewed_at_idx" ON "recently_viewed"("user_id", "viewed_at");

-- AddForeignKey
ALTER TABLE "recently_viewed" ADD CONSTRAINT "recently_viewed_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recently_viewed" ADD CONSTRAINT "recently_viewed_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "co_purchase_pairs_product_id_checkouts_idx" ON "co_purchase_pairs"("product_id", "checkouts");

-- A pair is counted only when bought together at least once, and never with itself.
ALTER TABLE "co_purchase_pairs" ADD CONSTRAINT "co_purchase_pairs_checkouts_positive" CHECK ("checkouts" > 0 AND "product_id" <> "other_product_id");
