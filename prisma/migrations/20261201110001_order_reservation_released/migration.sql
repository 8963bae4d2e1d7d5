-- AlterTable
ALTER TABLE "orders" ADD COLUMN "reservation_released_at" TIMESTAMP(3);
