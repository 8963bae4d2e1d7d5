-- In-app notifications are delivered when written (the bell shows them) and opened when read.
-- A separate migration: PostgreSQL does not let the transaction that added an enum value use it.
UPDATE "notifications" SET "status" = 'opened' WHERE "channel" = 'in_app' AND "read_at" IS NOT NULL;
UPDATE "notifications" SET "status" = 'delivered' WHERE "channel" = 'in_app' AND "read_at" IS NULL;
