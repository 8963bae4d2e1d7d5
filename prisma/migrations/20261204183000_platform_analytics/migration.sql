-- Platform analytics for admins (issue #20): searches that found nothing are logged (to fix
-- synonyms), and the ledger and the search log are read by date range.
ALTER TYPE "SearchEventKind" ADD VALUE 'no_results';

CREATE INDEX "ledger_entries_created_at_idx" ON "ledger_entries"("created_at");

CREATE INDEX "search_events_kind_created_at_idx" ON "search_events"("kind", "created_at");
