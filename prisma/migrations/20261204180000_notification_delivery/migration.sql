-- Delivery tracking for notifications: the statuses a channel can report, attempts with the last
-- error and the next attempt's time, a claim that keeps a retried job from sending twice, and
-- the addresses the platform no longer emails (suppressed after a permanent rejection).

-- Existing pending rows become queued (the same value, renamed): nothing is rewritten.
ALTER TYPE "NotificationStatus" RENAME VALUE 'pending' TO 'queued';
ALTER TYPE "NotificationStatus" ADD VALUE 'delivered';
ALTER TYPE "NotificationStatus" ADD VALUE 'bounced';
ALTER TYPE "NotificationStatus" ADD VALUE 'opened';
ALTER TYPE "NotificationStatus" ADD VALUE 'suppressed';

-- AlterTable
ALTER TABLE "notifications" ALTER COLUMN "status" SET DEFAULT 'queued';
ALTER TABLE "notifications" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "last_attempt_at" TIMESTAMP(3),
ADD COLUMN "next_attempt_at" TIMESTAMP(3),
ADD COLUMN "claimed_until" TIMESTAMP(3),
ADD CONSTRAINT "notifications_attempts_check" CHECK ("attempts" >= 0);

-- Rows sent before attempts were counted took one.
UPDATE "notifications" SET "attempts" = 1 WHERE "status" = 'sent' AND "channel" = 'email';

-- CreateIndex
CREATE INDEX "notifications_status_created_at_idx" ON "notifications"("status", "created_at");

-- CreateTable
CREATE TABLE "email_suppressions" (
    "address" VARCHAR(254) NOT NULL,
    "reason" TEXT NOT NULL,
    "notification_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_suppressions_pkey" PRIMARY KEY ("address"),
    CONSTRAINT "email_suppressions_address_lower_check" CHECK ("address" = lower("address"))
);
