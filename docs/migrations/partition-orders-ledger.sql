-- Monthly range partitions for orders and ledger_entries (docs/OPERATIONS.md, "Partitioning").
-- NOT APPLIED: kept outside prisma/migrations. Written against the schema of 2026-12; the
-- backfills here are single statements, which production runs in batches.
-- Two parts: part 1 must run outside a transaction (CONCURRENTLY), statement by statement;
-- part 2 is one short transaction. The cutover is the first day of next month.

-- ===== part 1: online preparation =====

-- Every table that references orders gets the order's created_at, filled by a trigger, so the
-- composite foreign key of part 2 can be checked. A NULL part would skip the check: the trigger
-- refuses an order_id that names no order instead.
CREATE FUNCTION fill_order_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.order_id IS NULL THEN
    NEW.order_created_at := NULL;
  ELSE
    SELECT o.created_at INTO NEW.order_created_at FROM orders o WHERE o.id = NEW.order_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'insert or update on table "%" violates foreign key to orders: order % does not exist', TG_TABLE_NAME, NEW.order_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.conrelid::regclass::text FROM pg_constraint c
            WHERE c.contype = 'f' AND c.confrelid = 'orders'::regclass ORDER BY 1 LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN order_created_at timestamp(3)', t);
    EXECUTE format('CREATE TRIGGER fill_order_created_at BEFORE INSERT OR UPDATE OF order_id ON %I
                    FOR EACH ROW EXECUTE FUNCTION fill_order_created_at()', t);
  END LOOP;
END $$;

-- The ledger refuses every UPDATE; the backfill's one is let through: it only fills the new,
-- derived column, and every other column must stay as it was.
CREATE OR REPLACE FUNCTION "ledger_entries_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.order_created_at IS NULL
     AND to_jsonb(OLD) - 'order_created_at' = to_jsonb(NEW) - 'order_created_at' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ledger_entries is append-only: % is not allowed', TG_OP;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.conrelid::regclass::text FROM pg_constraint c
            WHERE c.contype = 'f' AND c.confrelid = 'orders'::regclass ORDER BY 1 LOOP
    EXECUTE format('UPDATE %I x SET order_created_at = o.created_at FROM orders o
                     WHERE o.id = x.order_id AND x.order_created_at IS NULL', t);
  END LOOP;
END $$;

-- The partitioned tables' primary keys must hold the partition key; built without blocking writes.
CREATE UNIQUE INDEX CONCURRENTLY orders_id_created_at_key ON orders (id, created_at);
CREATE UNIQUE INDEX CONCURRENTLY ledger_entries_id_created_at_key ON ledger_entries (id, created_at);

-- Proves the existing rows all fall before the cutover, so attaching the tables needs no scan.
-- (NOT VALID then VALIDATE: the check is verified under a lock that lets reads and writes through.)
DO $$
DECLARE cutover timestamp := date_trunc('month', now()) + interval '1 month';
BEGIN
  EXECUTE format('ALTER TABLE orders ADD CONSTRAINT orders_history_range CHECK (created_at < %L) NOT VALID', cutover);
  EXECUTE format('ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_history_range CHECK (created_at < %L) NOT VALID', cutover);
END $$;
ALTER TABLE orders VALIDATE CONSTRAINT orders_history_range;
ALTER TABLE ledger_entries VALIDATE CONSTRAINT ledger_entries_history_range;

-- The ledger's dedupe key cannot be unique across partitions: it moves to a table of its own.
CREATE TABLE ledger_entry_keys (
  entry_type "LedgerEntryType" NOT NULL,
  reference varchar(200) NOT NULL,
  debit_account varchar(100) NOT NULL,
  credit_account varchar(100) NOT NULL,
  PRIMARY KEY (entry_type, reference, debit_account, credit_account)
);
INSERT INTO ledger_entry_keys SELECT entry_type, reference, debit_account, credit_account
  FROM ledger_entries WHERE reference IS NOT NULL ON CONFLICT DO NOTHING;

-- ===== part 2: the swap, one transaction =====
BEGIN;

DO $$
DECLARE
  cutover timestamp := date_trunc('month', now()) + interval '1 month';
  fk record;
  ix record;
  m int;
  t text;
  child text;
BEGIN
  -- 1. The foreign keys into orders go; they come back composite at the end.
  CREATE TEMP TABLE order_fks ON COMMIT DROP AS
    SELECT c.conname, c.conrelid::regclass::text AS tbl, c.confdeltype
      FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid = 'orders'::regclass;
  FOR fk IN SELECT * FROM order_fks LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', fk.tbl, fk.conname);
  END LOOP;

  FOREACH t IN ARRAY ARRAY['orders', 'ledger_entries'] LOOP
    -- 2. The table becomes the history partition: its own names get a suffix, the parent takes them.
    EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_history');
    FOR ix IN SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = (t || '_history')::regclass LOOP
      -- A prefix, not a suffix: names are cut at 63 characters, and some already are.
      EXECUTE format('ALTER INDEX %I RENAME TO %I', ix.name, left('hist_' || ix.name, 63));
    END LOOP;
    -- Its primary key on id alone gives way to (id, created_at), already built in part 1.
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t || '_history', 'hist_' || t || '_pkey');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)
                    PARTITION BY RANGE (created_at)', t, t || '_history');
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t, t || '_history_range');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id, created_at)', t, t || '_pkey');
    -- Every other index of the table, on the parent (partitions get theirs; the history's own match and are attached).
    FOR ix IN SELECT pg_get_indexdef(i.indexrelid) AS def, substr(i.indexrelid::regclass::text, 6) AS name
                FROM pg_index i WHERE i.indrelid = (t || '_history')::regclass AND NOT i.indisprimary AND NOT i.indisunique LOOP
      EXECUTE regexp_replace(regexp_replace(ix.def, 'INDEX \S+ ON', format('INDEX %I ON', ix.name)),
                             format('ON (public\.)?%s_history ', t), format('ON %I ', t));
    END LOOP;
    -- Foreign keys out of the table (orders → users, sellers, checkouts; ledger → none but orders).
    FOR fk IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
               WHERE conrelid = (t || '_history')::regclass AND contype = 'f' LOOP
      EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', t, fk.conname, fk.def);
    END LOOP;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (MINVALUE) TO (%L)', t, t || '_history', cutover);
    -- Monthly partitions from the cutover, three months ahead (a monthly job keeps adding them),
    -- and a default one so that a month nobody created never refuses an order.
    FOR m IN 0..2 LOOP
      child := t || '_' || to_char(cutover + make_interval(months => m), 'YYYY_MM');
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', child, t,
                     cutover + make_interval(months => m), cutover + make_interval(months => m + 1));
    END LOOP;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_default', t);
  END LOOP;

  -- 3. The foreign keys into orders, composite now, with their old delete rules. Checked NOT VALID
  -- here (instant); VALIDATE them after the commit, online.
  FOR fk IN SELECT * FROM order_fks LOOP
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (order_id, order_created_at) REFERENCES orders (id, created_at)
                    ON DELETE %s ON UPDATE CASCADE NOT VALID', fk.tbl, fk.conname,
                   CASE fk.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL (order_id, order_created_at)'
                                       WHEN 'a' THEN 'NO ACTION' ELSE 'RESTRICT' END);
  END LOOP;
END $$;

-- ledger_entries references orders too: its fill trigger moves to the parent, for every partition.
DROP TRIGGER fill_order_created_at ON ledger_entries_history;
CREATE TRIGGER fill_order_created_at BEFORE INSERT OR UPDATE OF order_id ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION fill_order_created_at();

-- The ledger stays append-only: row triggers on the parent fire for every partition; TRUNCATE
-- is refused on the parent and on each partition (a partition can be truncated on its own).
DROP TRIGGER ledger_entries_no_update_delete ON ledger_entries_history;
DROP TRIGGER ledger_entries_no_truncate ON ledger_entries_history;
CREATE TRIGGER ledger_entries_no_update_delete BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION "ledger_entries_reject_change"();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entries_reject_change"();
DO $$
DECLARE p text;
BEGIN
  FOR p IN SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'ledger_entries'::regclass LOOP
    EXECUTE format('CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entries_reject_change"()', p);
  END LOOP;
END $$;

-- The dedupe key, as ON CONFLICT DO NOTHING had it: a movement already recorded is skipped.
-- postEntries drops its ON CONFLICT clause with this migration and reads RETURNING as before.
CREATE FUNCTION ledger_entries_claim_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.reference IS NULL THEN RETURN NEW; END IF;
  INSERT INTO ledger_entry_keys VALUES (NEW.entry_type, NEW.reference, NEW.debit_account, NEW.credit_account)
    ON CONFLICT DO NOTHING;
  IF FOUND THEN RETURN NEW; END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_entries_claim_key BEFORE INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_claim_key();

COMMIT;

-- After the commit, online: ALTER TABLE <each referencing table> VALIDATE CONSTRAINT <its order fk>;
