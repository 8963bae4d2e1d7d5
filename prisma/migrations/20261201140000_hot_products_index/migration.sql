-- The flash-sale gate's reconciliation walks the hot products every minute; a partial index
-- keeps that a read of the few hot rows, not a scan of the whole catalog.
CREATE INDEX "products_hot_idx" ON "products" ("id") WHERE "is_hot";
