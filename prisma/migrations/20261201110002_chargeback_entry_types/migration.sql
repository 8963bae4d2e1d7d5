-- AlterEnum
ALTER TYPE "LedgerEntryType" ADD VALUE 'chargeback';

-- AlterEnum
ALTER TYPE "LedgerEntryType" ADD VALUE 'chargeback_reversal';

-- AlterEnum
ALTER TYPE "LedgerEntryType" ADD VALUE 'chargeback_fee';
