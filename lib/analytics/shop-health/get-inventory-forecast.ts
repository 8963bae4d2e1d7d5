import "server-only";

import { getAnalyticsStore } from "@/lib/analytics/store/get-analytics-store";

/** The sales rate is read over the last 28 UTC days, today included. */
export const FORECAST_WINDOW_DAYS = 28;
/** Fewer days of cover than this at the recent rate: reorder soon. */
export const REORDER_SOON_DAYS = 14;

/**
 * A live listing's stock against its recent sales. There are no variants in the catalogue
 * (a product is one stock count), so this is per product.
 */
export type StockForecast = {
  productId: string;
  title: string;
  inventoryCount: number;
  /** Units sold in paid orders over the window. */
  unitsSold: number;
  /** unitsSold / FORECAST_WINDOW_DAYS, two decimals. */
  unitsPerDay: number;
  /** inventoryCount / unitsPerDay, one decimal (0 when out of stock). */
  daysOfCover: number;
  reorderSoon: boolean;
};

export type InventoryForecast = {
  window: { from: string; to: string; days: number };
  /** Every live listing that sold in the window, most urgent first (fewest days of cover). */
  items: StockForecast[];
  reorderSoonCount: number;
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Days of cover per live listing: stock divided by the daily sales rate of the last 28 days
 * (units of the orders paid in those UTC days, as the analytics rollups count them: a later
 * refund does not take a sale back; stock as it is now). A listing with no sales in the window
 * has no rate and is left out: nothing says when it would run out. Sorted by days of cover, then
 * the faster seller, then title. Read from the product rollups' rows that sold (a partial index:
 * a shop with 10,000 listings has ~4,400 day rows a day, ~500 with sales) plus the events not
 * yet rolled up, through the analytics store (docs/BENCHMARKS.md).
 */
export async function getInventoryForecast(opts: { sellerId: string; now?: Date }): Promise<InventoryForecast> {
  const { sellerId } = opts;
  const now = opts.now ?? new Date();
  const window = {
    from: day(now.getTime() - (FORECAST_WINDOW_DAYS - 1) * 86_400_000),
    to: day(now.getTime()),
    days: FORECAST_WINDOW_DAYS,
  };
  const sold = await getAnalyticsStore().readUnitsSold({ sellerId, from: window.from, to: window.to });
  const items = sold
    .map((p): StockForecast => {
      const perDay = p.units / FORECAST_WINDOW_DAYS;
      const daysOfCover = Math.floor((Math.max(0, p.inventoryCount) / perDay) * 10) / 10;
      return {
        productId: p.productId,
        title: p.title,
        inventoryCount: p.inventoryCount,
        unitsSold: p.units,
        unitsPerDay: Math.round(perDay * 100) / 100,
        daysOfCover,
        reorderSoon: daysOfCover < REORDER_SOON_DAYS,
      };
    })
    .sort((a, b) => a.daysOfCover - b.daysOfCover || b.unitsSold - a.unitsSold || a.title.localeCompare(b.title));
  return { window, items, reorderSoonCount: items.filter((i) => i.reorderSoon).length };
}
