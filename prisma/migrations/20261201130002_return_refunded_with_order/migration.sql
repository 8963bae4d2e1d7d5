-- A return whose order was refunded in full some other way first (a claim, an admin) ends
-- refunded with no amount of its own: the refunded amount is required only when there is one.
ALTER TABLE "returns"
  DROP CONSTRAINT "returns_refunded_check",
  ADD CONSTRAINT "returns_refunded_check" CHECK ("status" <> 'refunded' OR ("refunded_at" IS NOT NULL AND "refund_trigger" IS NOT NULL));
