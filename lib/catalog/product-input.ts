import { z } from "zod";

export const MAX_IMAGES = 10;
export const MAX_ATTRIBUTES = 30;
export const SUPPORTED_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD"] as const;

const ZAttributeKey = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Attribute names cannot be empty.")
  .max(50, "Attribute names must be at most 50 characters.")
  .regex(/^[a-z0-9][a-z0-9 _-]*$/, "Attribute names may use letters, digits, spaces, hyphens and underscores.");

const ZAttributes = z
  .record(
    ZAttributeKey,
    z
      .string()
      .trim()
      .min(1, "Attribute values cannot be empty.")
      .max(200, "Attribute values must be at most 200 characters."),
  )
  .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, `At most ${MAX_ATTRIBUTES} attributes.`);

// Field rules without defaults: an update must not fill in what the caller left out.
const FIELDS = {
  title: z.string().trim().min(1, "Title is required.").max(200, "Title must be at most 200 characters."),
  description: z.string().max(20_000, "Description must be at most 20,000 characters."),
  categoryId: z.coerce.number({ error: "Choose a category." }).int("Choose a category.").positive("Choose a category."),
  priceCents: z.coerce
    .number({ error: "Price must be a number." })
    .int("Price must be in whole cents.")
    .positive("Price must be more than zero.")
    .max(100_000_000, "Price must be at most 1,000,000."),
  currency: z.enum(SUPPORTED_CURRENCIES, { error: `Currency must be one of ${SUPPORTED_CURRENCIES.join(", ")}.` }),
  inventoryCount: z.coerce
    .number({ error: "Stock must be a number." })
    .int("Stock must be a whole number.")
    .min(0, "Stock cannot be negative.")
    .max(1_000_000, "Stock must be at most 1,000,000."),
  attributes: ZAttributes,
  // Upload ids from the image uploader, in display order.
  images: z.array(z.uuid("Unknown image.")).max(MAX_IMAGES, `At most ${MAX_IMAGES} images.`),
};

export const ZCreateListing = z
  .object({
    ...FIELDS,
    description: FIELDS.description.default(""),
    currency: FIELDS.currency.default("USD"),
    inventoryCount: FIELDS.inventoryCount.default(0),
    attributes: FIELDS.attributes.default({}),
    images: FIELDS.images.default([]),
    // The API submits for review by default (the design's 201 { status: "pending_review" }); the dashboard can save a draft.
    draft: z.boolean().default(false),
  })
  .meta({ id: "CreateListing", title: "Listing" });
export type TCreateListing = z.input<typeof ZCreateListing>;

export const ZUpdateListing = z.object(FIELDS).partial().strict().meta({ id: "UpdateListing", title: "Listing" });
export type TUpdateListing = z.input<typeof ZUpdateListing>;
