import { z } from "zod";

import { zId, zQuantity, zText } from "@/lib/errors/input-primitives";

import { MAX_RETURN_IMAGES, RETURN_NOTE_MAX } from "./return-rules";

const note = (min: number, what: string) =>
  zText({
    what: "Note",
    min,
    max: RETURN_NOTE_MAX,
    multiline: true,
    notText: `Enter ${what}.`,
    required: `Tell us ${what} (at least ${min} characters).`,
    tooLong: `At most ${RETURN_NOTE_MAX.toLocaleString("en-US")} characters.`,
  });

export const ZRequestReturn = z
  .object({
    items: z
      .array(
        z.object({
          order_item_id: zId("That item is not part of this order."),
          quantity: zQuantity({
            what: "Quantity",
            max: 10_000,
            notNumber: "Quantities are whole numbers.",
            tooSmall: "Return at least one of an item.",
          }),
        }),
        { error: "Choose the items to return." },
      )
      .min(1, "Choose at least one item to return.")
      .max(100),
    reason: z.enum(["changed_mind", "doesnt_fit", "not_as_described", "damaged", "wrong_item"], {
      error: "Choose why you are returning the items.",
    }),
    note: note(0, "more about it").default(""),
    images: z
      .array(z.uuid("Unknown image."))
      .max(MAX_RETURN_IMAGES, `At most ${MAX_RETURN_IMAGES} photos.`)
      .default([]),
  })
  .meta({ id: "RequestReturn", title: "Return request" });
export type TRequestReturn = z.infer<typeof ZRequestReturn>;
export type TRequestReturnInput = z.input<typeof ZRequestReturn>;

export const ZDeclineReturn = z
  .object({ reason: note(10, "why you decline the return") })
  .meta({ id: "DeclineReturn", title: "Decline" });
export const ZEscalateReturn = z
  .object({ note: note(10, "why you disagree with the seller") })
  .meta({ id: "EscalateReturn", title: "Escalation" });
export const ZAdminReturnDecision = z
  .object({
    decision: z.enum(["accept", "uphold"], { error: "Choose accept or uphold." }),
    note: note(5, "the reason for the decision"),
  })
  .meta({ id: "AdminReturnDecision", title: "Decision" });
