-- Seller analytics at scale (issue #20; docs/BENCHMARKS.md, "Seller analytics"): a shop with
-- 10,000 listings and 100,000 orders a year.

-- A seller's ledger balances and currencies read from the index alone (index-only scans of the
-- append-only table) instead of a heap fetch per entry: the prefix still serves every lookup
-- by account the single-column indexes served.
DROP INDEX "ledger_entries_debit_account_idx";
DROP INDEX "ledger_entries_credit_account_idx";
CREATE INDEX "ledger_entries_debit_account_currency_amount_cents_idx" ON "ledger_entries"("debit_account", "currency", "amount_cents");
CREATE INDEX "ledger_entries_credit_account_currency_amount_cents_idx" ON "ledger_entries"("credit_account", "currency", "amount_cents");

-- Orders paid in a period, per seller (the inventory forecast's sales of the last 28 days).
CREATE INDEX "orders_seller_id_paid_at_idx" ON "orders"("seller_id", "paid_at");

-- The escrow still held for a seller: a few orders among many (hand-written: partial).
CREATE INDEX "orders_held_escrow_by_seller_idx" ON "orders"("seller_id", "currency") WHERE "escrow_status" = 'held';

-- A seller's search impressions in a period: per listing, by time.
DROP INDEX "search_events_product_id_kind_idx";
CREATE INDEX "search_events_product_id_kind_created_at_idx" ON "search_events"("product_id", "kind", "created_at");

-- All impressions of a query in a period (the seller's share of them): by time within the query.
DROP INDEX "search_events_query_kind_idx";
CREATE INDEX "search_events_query_kind_created_at_idx" ON "search_events"("query", "kind", "created_at");
