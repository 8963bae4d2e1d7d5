-- Web push subscriptions, text messages, quiet hours and sellers' daily digest (issue #18).
-- AlterEnum
ALTER TYPE "NotificationChannel" ADD VALUE 'push';

-- AlterEnum
ALTER TYPE "NotificationChannel" ADD VALUE 'sms';

-- CreateTable
CREATE TABLE "push_subscriptions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "endpoint" VARCHAR(1000) NOT NULL,
    "p256dh" VARCHAR(200) NOT NULL,
    "auth" VARCHAR(100) NOT NULL,
    "user_agent" VARCHAR(300),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "push_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_settings" (
    "user_id" UUID NOT NULL,
    "phone_number" VARCHAR(16),
    "quiet_start_minutes" INTEGER,
    "quiet_end_minutes" INTEGER,
    "time_zone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "daily_digest" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "digest_items" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "link" VARCHAR(500) NOT NULL,
    "dedupe_key" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digested_at" TIMESTAMP(3),

    CONSTRAINT "digest_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions"("endpoint");

-- CreateIndex
CREATE INDEX "push_subscriptions_user_id_idx" ON "push_subscriptions"("user_id");

-- AddForeignKey
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "digest_items_dedupe_key_key" ON "digest_items"("dedupe_key");

-- CreateIndex
CREATE INDEX "digest_items_user_id_digested_at_idx" ON "digest_items"("user_id", "digested_at");

-- AddForeignKey
ALTER TABLE "digest_items" ADD CONSTRAINT "digest_items_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Quiet hours are both set or neither, each a minute of the day.
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_quiet_hours_check" CHECK (
  ("quiet_start_minutes" IS NULL AND "quiet_end_minutes" IS NULL)
  OR ("quiet_start_minutes" BETWEEN 0 AND 1439 AND "quiet_end_minutes" BETWEEN 0 AND 1439)
);
