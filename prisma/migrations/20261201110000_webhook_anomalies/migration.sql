-- CreateTable
CREATE TABLE "webhook_anomalies" (
    "id" UUID NOT NULL,
    "event_id" VARCHAR(100) NOT NULL,
    "event_type" VARCHAR(100) NOT NULL,
    "object_id" VARCHAR(100) NOT NULL,
    "checkout_id" UUID,
    "mismatches" TEXT[] NOT NULL,
    "detail" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_anomalies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_anomalies_event_id_key" ON "webhook_anomalies"("event_id");

-- CreateIndex
CREATE INDEX "webhook_anomalies_created_at_idx" ON "webhook_anomalies"("created_at");

-- Each anomaly says what did not match, from a known list.
ALTER TABLE "webhook_anomalies" ADD CONSTRAINT "webhook_anomalies_mismatches_check"
  CHECK (cardinality("mismatches") > 0 AND "mismatches" <@ ARRAY['payment_intent', 'amount', 'currency', 'checkout', 'object']::TEXT[]);
