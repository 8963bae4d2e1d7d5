// The admin's money-attention page: one section per kind of money that waits on someone, each
// built by its own list-*.ts beside this file and composed by listMoneyAttention.

export type MoneyAttentionRow = {
  id: string;
  title: string;
  amountCents: number | null;
  currency: string;
  since: Date;
  reason: string;
  fix: string;
  /** The /admin/ledger filter showing this row's lines. */
  ledger: { order: string } | { account: string } | null;
  /** An order whose release an admin can retry now. */
  retryReleaseOf: string | null;
};

export type MoneyAttentionSection = {
  key:
    | "releases_waiting"
    | "failed_transfers"
    | "failed_payouts"
    | "receivables"
    | "failed_refunds"
    | "webhook_anomalies"
    | "chargebacks";
  title: string;
  description: string;
  rows: MoneyAttentionRow[];
};

/** Options every section takes: at most this many rows, oldest first. */
export type MoneyAttentionQuery = { take: number };
