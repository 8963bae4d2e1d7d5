/** One destination zone of a shipping profile, as quoting needs it (shipping_zones' row). */
export type ZoneRule = {
  /** ISO 3166-1 alpha-2 codes, upper case; empty for the "everywhere else" zone. */
  countries: string[];
  restOfWorld: boolean;
  firstItemCents: number;
  /** Each item after the first; 0 makes the rate flat per order. */
  additionalItemCents: number;
  /** Shipping is free once the profile's items reach this subtotal; null: never. */
  freeOverCents: number | null;
  handlingDaysMin: number;
  handlingDaysMax: number;
  transitDaysMin: number;
  transitDaysMax: number;
};

export type ProfileRules = { id: string; name: string; zones: ZoneRule[] };

/** Business days are not modelled: a range is in calendar days from the order. */
export type DaysRange = { min: number; max: number };
