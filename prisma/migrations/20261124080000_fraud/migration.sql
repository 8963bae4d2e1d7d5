-- Fraud scoring of payments: find other accounts shipping to the same address by postal code.
-- CreateIndex
CREATE INDEX "addresses_postal_code_idx" ON "addresses"("postal_code");
