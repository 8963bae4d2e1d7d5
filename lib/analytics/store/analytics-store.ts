// The analytics store: where rollups are kept and read. PostgreSQL is the tested one
// (postgres-analytics-store.ts); an OLAP store (ClickHouse) would implement the same calls
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

export type SearchQueryShare = {
  query: string;
  impressions: number;
  /** The seller's share of all impressions for the query, 0..1. */
  share: number;
  averagePosition: number;
  clicks: number;
};

export type UnitsSold = { productId: string; title: string; inventoryCount: number; units: number };

export type SellerDays = { counts: DayCounts[]; revenue: DayRevenue[] };

export interface AnalyticsStore {
  /** Folds newly recorded events into the rollups; safe to run again or concurrently. */
  rollUp(): Promise<RollupRun>;
  /**
   * One seller's numbers per UTC day over [from, to] (inclusive), rollups plus the events not
   * yet rolled up, read as one consistent snapshot: exact up to the last committed event.
   */
  readSellerDays(opts: { sellerId: string; from: string; to: string }): Promise<SellerDays>;
  /**
   * One seller's `limit` top products over [from, to] in compareProducts' order: views, carts,
   * units sold and revenue per (product, currency), likewise exact.
   */
  readTopProducts(opts: { sellerId: string; from: string; to: string; limit: number }): Promise<ProductTotals[]>;
  /**
   * The `limit` queries that showed the seller's listings most over [from, to] (impressions,
   * then query): impressions, share of the query's, average position, clicks; likewise exact.
   */
  readSearchQueries(opts: { sellerId: string; from: string; to: string; limit: number }): Promise<SearchQueryShare[]>;
  /** Units each of a seller's live listings sold over [from, to] (all currencies), with its stock, for those that sold; likewise exact. */
  readUnitsSold(opts: { sellerId: string; from: string; to: string }): Promise<UnitsSold[]>;
}

/** Top products first: by revenue, then units sold, then views, then title. */
export function compareProducts(a: ProductTotals, b: ProductTotals): number {
  return (
    b.revenueCents - a.revenueCents || b.unitsSold - a.unitsSold || b.views - a.views || a.title.localeCompare(b.title)
  );
}
