-- The language notifications are written in for each person (en, de; unknown ones read English).
ALTER TABLE "users" ADD COLUMN "locale" VARCHAR(10) NOT NULL DEFAULT 'en';
