import { z } from "zod";

import { zCents, zId, zQuantity, zText, zWholeNumber } from "@/lib/errors/input-primitives";
import { SUPPORTED_CURRENCIES } from "@/lib/money/currencies";

import { checkVariantSet, ZListingOptions, ZListingVariants } from "./variant-input";

export const MAX_IMAGES = 10;
export const MAX_ATTRIBUTES = 30;
export { SUPPORTED_CURRENCIES };

const ZAttributeKey = zText({ what: "Attribute names", min: 1, max: 50, required: "Attribute names cannot be empty." })
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9 _-]*$/, "Attribute names may use letters, digits, spaces, hyphens and underscores.");

const ZAttributes = z
  .record(
    ZAttributeKey,
    zText({ what: "Attribute values", min: 1, max: 200, required: "Attribute values cannot be empty." }),
  )
  .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, `At most ${MAX_ATTRIBUTES} attributes.`);

// Field rules without defaults: an update must not fill in what the caller left out.
const FIELDS = {
  title: zText({ what: "Title", min: 1, max: 200, required: "Title is required." }),
  description: zText({ what: "Description", max: 20_000, multiline: true }),
  categoryId: zWholeNumber({ what: "Category", min: 1, max: 2_147_483_647, notNumber: "Choose a category." }),
  priceCents: zCents({
    what: "Price",
    max: 100_000_000,
    notNumber: "Price must be in whole cents.",
    tooLarge: "Price must be at most 1,000,000.",
  }),
  currency: z.enum(SUPPORTED_CURRENCIES, { error: `Currency must be one of ${SUPPORTED_CURRENCIES.join(", ")}.` }),
  inventoryCount: zQuantity({
    what: "Stock",
    min: 0,
    max: 1_000_000,
    tooSmall: "Stock cannot be negative.",
  }),
  attributes: ZAttributes,
  // Upload ids from the image uploader, in display order.
  images: z.array(zId("Unknown image.")).max(MAX_IMAGES, `At most ${MAX_IMAGES} images.`),
  // One of the seller's shipping profiles; null: the shop's default.
  shippingProfileId: zId("Choose one of your shipping profiles.").nullable(),
  // Up to three options and their variants (variant-input.ts); none: the listing is one item.
  options: ZListingOptions,
  variants: ZListingVariants,
};

export const ZCreateListing = z
  .object({
    ...FIELDS,
    description: FIELDS.description.default(""),
    currency: FIELDS.currency.default("USD"),
    inventoryCount: FIELDS.inventoryCount.default(0),
    attributes: FIELDS.attributes.default({}),
    images: FIELDS.images.default([]),
    shippingProfileId: FIELDS.shippingProfileId.default(null),
    // The API submits for review by default (the design's 201 { status: "pending_review" }); the dashboard can save a draft.
    draft: z.boolean().default(false),
    // A listing with variants is priced by them (its price is the lowest).
    priceCents: FIELDS.priceCents.optional(),
    options: FIELDS.options.default([]),
    variants: FIELDS.variants.default([]),
  })
  .superRefine((v, ctx) => {
    checkVariantSet(v, ctx);
    if (v.variants.length === 0 && v.priceCents === undefined)
      ctx.addIssue({ code: "custom", path: ["priceCents"], message: "Price must be a whole number of cents." });
  })
  .meta({ id: "CreateListing", title: "Listing" });
export type TCreateListing = z.input<typeof ZCreateListing>;

export const ZUpdateListing = z
  .object(FIELDS)
  .partial()
  .strict()
  .superRefine((v, ctx) => {
    // Options and variants are replaced together, so the pair is always checked as a whole.
    if ((v.options === undefined) !== (v.variants === undefined))
      ctx.addIssue({
        code: "custom",
        path: [v.options === undefined ? "options" : "variants"],
        message: "Send the options and the variants together.",
      });
    else if (v.options !== undefined) checkVariantSet(v, ctx);
  })
  .meta({ id: "UpdateListing", title: "Listing" });
export type TUpdateListing = z.input<typeof ZUpdateListing>;
