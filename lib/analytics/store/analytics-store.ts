// The analytics store: where rollups are kept and read. PostgreSQL is the tested one
// (postgres-analytics-store.ts); an OLAP store (ClickHouse) would implement the same two calls
// and be chosen in get-analytics-store.ts. docs/OPERATIONS.md says why there is none yet.
import type { RollupRun } from "@/lib/analytics/rollups/roll-up-analytics";

export type DayCounts = {
  day: string;
  views: number;
  addToCarts: number;
  checkouts: number;
  paidOrders: number;
  refunds: number;
};
export type DayRevenue = { day: string; currency: string; orders: number; revenueCents: number };
export type ProductTotals = {
  productId: string;
  title: string;
  currency: string;
  views: number;
  addToCarts: number;
  unitsSold: number;
  revenueCents: number;
};

export type SellerDays = { counts: DayCounts[]; revenue: DayRevenue[] };

export interface AnalyticsStore {
  /** Folds newly recorded events into the rollups; safe to run again or concurrently. */
  rollUp(): Promise<RollupRun>;
  /**
   * One seller's numbers per UTC day over [from, to] (inclusive), rollups plus the events not
   * yet rolled up, read as one consistent snapshot: exact up to the last committed event.
   */
  readSellerDays(opts: { sellerId: string; from: string; to: string }): Promise<SellerDays>;
  /** One seller's products over [from, to]: views, carts, units sold and revenue per currency, likewise exact. */
  readProductTotals(opts: { sellerId: string; from: string; to: string }): Promise<ProductTotals[]>;
}
