// The orders module's request schemas, shared by the REST routes, the server actions and the
// OpenAPI document. Each schema's title names it in validation messages.
import { z } from "zod";

import { zId, zText } from "@/lib/errors/input-primitives";

export const ZCheckoutRequest = z
  .object({
    cart_id: zText({ what: "cart_id", min: 1, max: 100, required: "cart_id is required." }),
    shipping_address_id: zId("shipping_address_id must be one of your addresses."),
    payment_method_id: zText({ what: "payment_method_id", max: 100 }).optional(),
    // The currency to pay in (ISO 4217, the buyer's display currency); the shops' own when absent.
    currency: zText({ what: "currency", max: 10 }).optional(),
  })
  .meta({ id: "CheckoutRequest", title: "Checkout" });
export type TCheckoutRequest = z.infer<typeof ZCheckoutRequest>;

export const ZShipment = z
  .object({
    carrier: zText({ what: "Carrier", min: 2, max: 50, required: "Enter the carrier." }),
    trackingNumber: zText({ what: "Tracking number", min: 4, max: 100, required: "Enter the tracking number." }).regex(
      /^[A-Za-z0-9 -]+$/,
      "Tracking numbers use letters, digits, spaces and hyphens.",
    ),
  })
  .meta({ id: "Shipment", title: "Shipment" });
