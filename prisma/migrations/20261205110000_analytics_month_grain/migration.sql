-- A month grain for the analytics rollups (issue #20, scale): a year's range reads 12 month
-- buckets plus the days at its edges instead of 366 day buckets. Its own migration: a new enum
-- value cannot be used in the transaction that adds it (the next migration backfills it).
ALTER TYPE "AnalyticsGrain" ADD VALUE 'month';
