-- Fraud signals at the source (issue #17): request signals (IP, device, user agent, card), a held
-- review status, and photo hashes on uploads.

-- AlterEnum
ALTER TYPE "ReviewStatus" ADD VALUE 'held';

-- CreateEnum
CREATE TYPE "SignalAction" AS ENUM ('sign_up', 'sign_in', 'checkout', 'payment', 'review', 'listing');

-- CreateTable
CREATE TABLE "request_signals" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "action" "SignalAction" NOT NULL,
    "subject_id" UUID,
    "ip" VARCHAR(64) NOT NULL,
    "device_id" VARCHAR(64),
    "user_agent" VARCHAR(500) NOT NULL DEFAULT '',
    "card_fingerprint" VARCHAR(64),
    "card_country" CHAR(2),
    "card_funding" VARCHAR(16),
    "outcome" VARCHAR(16),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_signals_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "uploads" ADD COLUMN "sha256" CHAR(64);

-- AlterTable
ALTER TABLE "uploads" ADD COLUMN "dhash" CHAR(16);

-- CreateIndex
CREATE INDEX "request_signals_user_id_created_at_idx" ON "request_signals"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "request_signals_device_id_idx" ON "request_signals"("device_id");

-- CreateIndex
CREATE INDEX "request_signals_ip_idx" ON "request_signals"("ip");

-- CreateIndex
CREATE INDEX "request_signals_card_fingerprint_idx" ON "request_signals"("card_fingerprint");

-- CreateIndex
CREATE INDEX "request_signals_created_at_idx" ON "request_signals"("created_at");

-- AddForeignKey
ALTER TABLE "request_signals" ADD CONSTRAINT "request_signals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "uploads_sha256_idx" ON "uploads"("sha256");

-- CreateIndex
CREATE INDEX "uploads_dhash_idx" ON "uploads"("dhash");
