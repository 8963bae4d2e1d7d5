// What the marketplace needs from a parcel carrier: a prepaid return label with a tracking
// number, and the parcel's tracking. lib/carriers/http-carrier.ts speaks the HTTP API the
// local carrier simulator implements; a real carrier is another implementation of this type.
export type CarrierAddress = {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
};

export type ParcelStatus = "label_created" | "in_transit" | "delivered";

export type TrackingEvent = { status: ParcelStatus; description: string; location: string; occurredAt: Date };

export type ReturnLabel = { carrier: string; service: string; trackingNumber: string; createdAt: Date };

export type Tracking = {
  trackingNumber: string;
  status: ParcelStatus;
  deliveredAt: Date | null;
  events: TrackingEvent[];
};

export interface Carrier {
  /** Issues a label from the buyer to the seller; the same idempotencyKey returns the same label. */
  createReturnLabel(opts: {
    reference: string;
    from: CarrierAddress;
    to: CarrierAddress;
    idempotencyKey: string;
  }): Promise<ReturnLabel>;
  /** The parcel's current status and history; null when the carrier does not know the number. */
  getTracking(trackingNumber: string): Promise<Tracking | null>;
}

/** The carrier could not be reached or refused the request; callers retry later. */
export class CarrierError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "CarrierError";
  }
}

export function isCarrierError(err: unknown): err is CarrierError {
  return err instanceof CarrierError;
}
