-- Emails get an HTML part and, when they can be turned off, a one-click unsubscribe URL.
ALTER TABLE "notifications" ADD COLUMN "html" TEXT,
ADD COLUMN "unsubscribe_url" VARCHAR(1000);
