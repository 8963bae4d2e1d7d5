-- Photos in buyer–seller messages go through the same upload pipeline as review photos.
-- Its own migration: a new enum value can't be used in the transaction that adds it.
ALTER TYPE "UploadPurpose" ADD VALUE 'message_image';
