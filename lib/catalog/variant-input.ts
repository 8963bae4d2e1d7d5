import { z } from "zod";

import { zCents, zId, zQuantity, zText } from "@/lib/errors/input-primitives";

export const MAX_OPTIONS = 3;
export const MAX_OPTION_VALUES = 20;
export const MAX_VARIANTS = 100;

const ZOptionValue = zText({ what: "Option values", min: 1, max: 50, required: "Option values cannot be empty." });

export const ZListingOption = z.object({
  name: zText({ what: "Option name", min: 1, max: 50, required: "Name the option (for example Size)." }).regex(
    /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u,
    "Option names may use letters, digits, spaces, hyphens and underscores.",
  ),
  values: z
    .array(ZOptionValue, { error: "List the option's values." })
    .min(1, "Give the option at least one value.")
    .max(MAX_OPTION_VALUES, `At most ${MAX_OPTION_VALUES} values per option.`),
});

export const ZListingVariant = z.object({
  /** One value per option, in the options' order. */
  options: z.array(ZOptionValue, { error: "Choose a value for each option." }),
  sku: zText({ what: "SKU", min: 1, max: 64, required: "Each variant needs a SKU." }).regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    "SKUs may use letters, digits, dots, hyphens and underscores.",
  ),
  priceCents: zCents({
    what: "Price",
    max: 100_000_000,
    notNumber: "Price must be in whole cents.",
    tooLarge: "Price must be at most 1,000,000.",
  }),
  inventoryCount: zQuantity({ what: "Stock", min: 0, max: 1_000_000, tooSmall: "Stock cannot be negative." }),
  // One of the listing's own photos (an upload id from its images), or none.
  imageId: zId("Choose one of the listing's photos.").nullable().default(null),
});

export const ZListingOptions = z
  .array(ZListingOption, { error: "Options must be a list." })
  .max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options (for example Size, Colour, Material).`);
export const ZListingVariants = z
  .array(ZListingVariant, { error: "Variants must be a list." })
  .max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants.`);

export type TListingOption = z.output<typeof ZListingOption>;
export type TListingVariant = z.output<typeof ZListingVariant>;

const fold = (s: string) => s.toLocaleLowerCase("en-US");

/**
 * The rules across options and variants, reported on the field that breaks them (so a form
 * marks it): no option named twice, no value twice in one option, every variant one known value
 * per option, no combination or SKU twice, and variants exactly when there are options.
 */
export function checkVariantSet(
  set: { options?: TListingOption[]; variants?: TListingVariant[] },
  ctx: z.RefinementCtx,
): void {
  const options = set.options ?? [];
  const variants = set.variants ?? [];
  const names = new Set<string>();
  options.forEach((o, i) => {
    if (names.has(fold(o.name)))
      ctx.addIssue({
        code: "custom",
        path: ["options", i, "name"],
        message: `The option "${o.name}" is listed twice.`,
      });
    names.add(fold(o.name));
    const seen = new Set<string>();
    for (const v of o.values) {
      if (seen.has(fold(v)))
        ctx.addIssue({
          code: "custom",
          path: ["options", i, "values"],
          message: `"${v}" is listed twice in ${o.name}.`,
        });
      seen.add(fold(v));
    }
  });
  if (options.length > 0 && variants.length === 0)
    ctx.addIssue({ code: "custom", path: ["variants"], message: "Add at least one variant for the options." });
  if (options.length === 0 && variants.length > 0)
    ctx.addIssue({ code: "custom", path: ["options"], message: "Variants need options (for example Size)." });
  const combos = new Set<string>();
  const skus = new Set<string>();
  variants.forEach((v, i) => {
    if (v.options.length !== options.length) {
      ctx.addIssue({
        code: "custom",
        path: ["variants", i, "options"],
        message: `Choose one value for each of the ${options.length} options.`,
      });
      return;
    }
    v.options.forEach((value, j) => {
      if (!options[j].values.includes(value))
        ctx.addIssue({
          code: "custom",
          path: ["variants", i, "options", j],
          message: `"${value}" is not one of the ${options[j].name} values.`,
        });
    });
    const combo = JSON.stringify(v.options.map(fold));
    if (combos.has(combo))
      ctx.addIssue({
        code: "custom",
        path: ["variants", i, "options"],
        message: `The variant ${v.options.join(" / ")} is listed twice.`,
      });
    combos.add(combo);
    if (skus.has(fold(v.sku)))
      ctx.addIssue({ code: "custom", path: ["variants", i, "sku"], message: `The SKU "${v.sku}" is used twice.` });
    skus.add(fold(v.sku));
  });
}

/** "M / Blue": a variant's values as buyers read them. */
export const variantLabel = (values: readonly string[]) => values.join(" / ");
