-- Per-seller shipping profiles and their destination zones (issue #16, shipping slice).
CREATE TABLE "shipping_profiles" (
    "id" UUID NOT NULL,
    "seller_id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shipping_profiles_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "shipping_zones" (
    "id" UUID NOT NULL,
    "profile_id" UUID NOT NULL,
    "countries" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "rest_of_world" BOOLEAN NOT NULL DEFAULT false,
    "first_item_cents" INTEGER NOT NULL,
    "additional_item_cents" INTEGER NOT NULL DEFAULT 0,
    "free_over_cents" INTEGER,
    "handling_days_min" INTEGER NOT NULL,
    "handling_days_max" INTEGER NOT NULL,
    "transit_days_min" INTEGER NOT NULL,
    "transit_days_max" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipping_zones_pkey" PRIMARY KEY ("id"),
    -- The form validates these too; the checks keep a bad row out whatever writes it.
    CONSTRAINT "shipping_zones_rates_non_negative" CHECK ("first_item_cents" >= 0 AND "additional_item_cents" >= 0
        AND ("free_over_cents" IS NULL OR "free_over_cents" >= 0)),
    CONSTRAINT "shipping_zones_days_ordered" CHECK ("handling_days_min" >= 0 AND "handling_days_min" <= "handling_days_max"
        AND "transit_days_min" >= 0 AND "transit_days_min" <= "transit_days_max"),
    -- A zone lists its countries, or is the profile's "everywhere else"; never neither.
    CONSTRAINT "shipping_zones_covers_somewhere" CHECK ("rest_of_world" OR cardinality("countries") > 0)
);

ALTER TABLE "products" ADD COLUMN "shipping_profile_id" UUID;

-- CreateIndex
CREATE INDEX "shipping_profiles_seller_id_idx" ON "shipping_profiles"("seller_id");
CREATE INDEX "shipping_zones_profile_id_idx" ON "shipping_zones"("profile_id");
-- Hand-written: one default profile per shop.
CREATE UNIQUE INDEX "shipping_profiles_one_default_per_seller" ON "shipping_profiles"("seller_id") WHERE "is_default";

-- AddForeignKey
ALTER TABLE "shipping_profiles" ADD CONSTRAINT "shipping_profiles_seller_id_fkey" FOREIGN KEY ("seller_id") REFERENCES "seller_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "shipping_zones" ADD CONSTRAINT "shipping_zones_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "shipping_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "products" ADD CONSTRAINT "products_shipping_profile_id_fkey" FOREIGN KEY ("shipping_profile_id") REFERENCES "shipping_profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing shops keep today's terms: free shipping everywhere, delivered within 3 to 5 days
-- (1 handling day and 2 to 4 in transit; 5 is the delivery promise claims are measured from).
INSERT INTO "shipping_profiles" ("id", "seller_id", "name", "is_default", "updated_at")
SELECT gen_random_uuid(), s."id", 'Standard', true, CURRENT_TIMESTAMP FROM "seller_profiles" s;

INSERT INTO "shipping_zones" ("id", "profile_id", "rest_of_world", "first_item_cents", "additional_item_cents",
                              "handling_days_min", "handling_days_max", "transit_days_min", "transit_days_max")
SELECT gen_random_uuid(), p."id", true, 0, 0, 1, 1, 2, 4 FROM "shipping_profiles" p;

-- The delivery window each order was promised at checkout; orders placed before have none.
ALTER TABLE "orders" ADD COLUMN "delivery_earliest" DATE, ADD COLUMN "delivery_latest" DATE;
