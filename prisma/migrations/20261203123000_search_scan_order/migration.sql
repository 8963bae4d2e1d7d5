-- A common word's search pool is read by a sequential scan that stops at the pool's size
-- (lib/search/engines/text-scan-choice.ts). With synchronized scans on, a scan may start where
-- another is already reading, so the same search could take a different pool each time; off,
-- every scan starts at the first page and the pool is the same rows the index would give.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET synchronize_seqscans = off', current_database());
END
$$;
