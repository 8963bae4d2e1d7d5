-- Stock given back when an order is refunded or cancelled after payment (its own migration:
-- a value added to an enum can't be used in the transaction that adds it).
ALTER TYPE "InventoryReason" ADD VALUE 'order_refunded';
