-- Escrow releases that cannot run are parked on the order with a reason, and resume by
-- themselves: when the seller's payout account is enabled, or on the sweep's schedule.
-- CreateEnum
CREATE TYPE "ReleaseBlockCode" AS ENUM ('no_payout_account', 'payouts_disabled', 'insufficient_platform_balance', 'stripe_error');

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "release_blocked_code" "ReleaseBlockCode";

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "release_blocked_reason" VARCHAR(500);

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "release_blocked_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "release_attempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "release_retry_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "transfers" ADD COLUMN "key_version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "orders_release_blocked_code_release_retry_at_idx" ON "orders"("release_blocked_code", "release_retry_at");

-- A parked release always says why and since when; counters never go negative.
ALTER TABLE "orders" ADD CONSTRAINT "orders_release_block_complete" CHECK (
  (release_blocked_code IS NULL AND release_blocked_reason IS NULL AND release_blocked_at IS NULL)
  OR (release_blocked_code IS NOT NULL AND release_blocked_reason IS NOT NULL AND release_blocked_at IS NOT NULL)
);
ALTER TABLE "orders" ADD CONSTRAINT "orders_release_attempts_nonnegative" CHECK (release_attempts >= 0);
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_key_version_nonnegative" CHECK (key_version >= 0);
