import { z } from "zod";

import { zId, zText } from "@/lib/errors/input-primitives";

export const MAX_MESSAGE_IMAGES = 4;

/** One message: its text and up to four photos uploaded through lib/uploads (purpose message_image). */
export const ZMessage = z
  .object({
    body: zText({ what: "Message", min: 1, max: 4000, multiline: true, required: "Write a message." }),
    images: z
      .array(zId("Each image must be an upload id."))
      .max(MAX_MESSAGE_IMAGES, `Attach at most ${MAX_MESSAGE_IMAGES} photos.`)
      .default([]),
  })
  .meta({ id: "Message", title: "Message" });

export type TMessage = z.output<typeof ZMessage>;

/** What a buyer asks about: a product, one of their orders, or the shop in general. */
export const ZConversationTopic = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("product"), productId: zId("Choose a product.") }),
    z.object({ kind: z.literal("order"), orderId: zId("Choose an order.") }),
  ],
  { error: "Say what the question is about." },
);

export type TConversationTopic = z.output<typeof ZConversationTopic>;

export const ZReport = z
  .object({ reason: zText({ what: "Reason", min: 5, max: 1000, multiline: true }) })
  .meta({ id: "ConversationReport", title: "Report" });
