// The orders module's request schemas, shared by the REST routes, the server actions and the
// OpenAPI document. Each schema's title names it in validation messages.
import { z } from "zod";

export const ZCheckoutRequest = z
  .object({
    cart_id: z.string({ error: "cart_id is required." }).min(1, "cart_id is required.").max(100),
    shipping_address_id: z.uuid("shipping_address_id must be one of your addresses."),
    payment_method_id: z.string().max(100).optional(),
  })
  .meta({ id: "CheckoutRequest", title: "Checkout" });
export type TCheckoutRequest = z.infer<typeof ZCheckoutRequest>;

export const ZShipment = z
  .object({
    carrier: z.string().trim().min(2, "Enter the carrier.").max(50, "Carrier must be at most 50 characters."),
    trackingNumber: z
      .string()
      .trim()
      .min(4, "Enter the tracking number.")
      .max(100, "Tracking number must be at most 100 characters.")
      .regex(/^[A-Za-z0-9 -]+$/, "Tracking numbers use letters, digits, spaces and hyphens."),
  })
  .meta({ id: "Shipment", title: "Shipment" });
