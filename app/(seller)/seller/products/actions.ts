"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/current-user";
import { recordRequestSignal } from "@/lib/auth/record-request-signal";
import { requestOrigin } from "@/lib/auth/request-origin";
import { changeListingStatus } from "@/lib/catalog/change-listing-status";
import { createListing } from "@/lib/catalog/create-listing";
import { ZCreateListing, ZUpdateListing } from "@/lib/catalog/product-input";
import { revalidateCachedProduct } from "@/lib/catalog/revalidate-cached-product";
import { updateListing } from "@/lib/catalog/update-listing";
import { AppError } from "@/lib/errors/app-error";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { setFlashSale } from "@/lib/orders/set-flash-sale";

export type ListingFormState = { error?: string; fields?: Record<string, string>; message?: string };

function shopOf(user: CurrentUser): string {
  if (!user.sellerId) throw new AppError("forbidden", "Open a shop first.");
  return user.sellerId;
}

function fieldsFrom(form: FormData) {
  const keys = form.getAll("attrKey").map(String);
  const values = form.getAll("attrValue").map(String);
  const attributes: Record<string, string> = {};
  keys.forEach((k, i) => {
    if (k.trim() && values[i]?.trim()) attributes[k.trim()] = values[i].trim();
  });
  const price = String(form.get("price") ?? "").trim();
  return {
    title: String(form.get("title") ?? ""),
    description: String(form.get("description") ?? ""),
    categoryId: form.get("categoryId") ? Number(form.get("categoryId")) : undefined,
    // Sellers type a decimal price; cents are derived once, here.
    priceCents: /^\d+(\.\d{1,2})?$/.test(price) ? Math.round(Number(price) * 100) : price === "" ? undefined : NaN,
    currency: String(form.get("currency") ?? "USD"),
    inventoryCount:
      !form.has("inventoryCount") || form.get("inventoryCount") === "" ? undefined : Number(form.get("inventoryCount")),
    attributes,
    images: form.getAll("images").map(String),
    // The select's first option ("the shop's default") sends an empty value.
    shippingProfileId: form.has("shippingProfileId") ? String(form.get("shippingProfileId")) || null : undefined,
    ...variantFields(form),
  };
}

// The variants editor sends its options and variants as one JSON field, prices in decimals.
function variantFields(form: FormData): { options?: unknown; variants?: unknown } {
  const raw = form.get("variantsJson");
  if (typeof raw !== "string" || raw === "") return {};
  let parsed: { options?: unknown; variants?: { price?: unknown }[] };
  try {
    parsed = JSON.parse(raw) as typeof parsed;
  } catch {
    return { options: "invalid" };
  }
  const cents = (price: unknown) =>
    typeof price === "string" && /^\d+(\.\d{1,2})?$/.test(price.trim()) ? Math.round(Number(price) * 100) : price;
  return {
    options: parsed.options,
    variants: Array.isArray(parsed.variants)
      ? parsed.variants.map(({ price, ...v }) => ({ ...v, priceCents: cents(price) }))
      : parsed.variants,
  };
}

export const createListingAction = serverAction(
  {
    access: "seller",
    args: [ARG.unread, ARG.form],
    schema: ZCreateListing,
    input: (_prev: ListingFormState, form: FormData) => ({
      ...fieldsFrom(form),
      draft: form.get("intent") !== "submit",
    }),
  },
  async ({ user, input }, _prev: ListingFormState, _form: FormData): Promise<ListingFormState> => {
    const r = await createListing({ sellerId: shopOf(user), actorId: user.id, input });
    await recordRequestSignal({
      userId: user.id,
      action: "listing",
      subjectId: r.productId,
      origin: await requestOrigin(),
    });
    revalidatePath("/seller/products");
    redirect(`/seller/products/${r.productId}?saved=1`);
  },
);

export const updateListingAction = serverAction(
  {
    access: "seller",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZUpdateListing,
    input: (_productId: string, _prev: ListingFormState, form: FormData) => fieldsFrom(form),
  },
  async ({ user, input }, productId: string, _prev: ListingFormState, form: FormData): Promise<ListingFormState> => {
    const sellerId = shopOf(user);
    const r = await updateListing({ sellerId, actorId: user.id, productId, input });
    if (form.get("intent") === "submit" && (r.status === "draft" || r.status === "rejected"))
      await changeListingStatus({ sellerId, productId, action: "submit" });
    revalidatePath("/seller/products");
    revalidatePath(`/seller/products/${productId}`);
    await revalidateCachedProduct(productId);
    return { message: form.get("intent") === "submit" ? "Saved and submitted for review." : "Saved." };
  },
);

export const listingStatusAction = serverAction(
  { access: "seller", args: [ARG.id, z.enum(["submit", "withdraw", "archive"])] },
  async ({ user }, productId: string, action: "submit" | "withdraw" | "archive"): Promise<ListingFormState> => {
    await changeListingStatus({ sellerId: shopOf(user), productId, action });
    revalidatePath("/seller/products");
    await revalidateCachedProduct(productId);
    if (action === "archive") redirect("/seller/products?deleted=1");
    revalidatePath(`/seller/products/${productId}`);
    return { message: action === "submit" ? "Submitted for review." : "Moved back to drafts." };
  },
);

export const flashSaleAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, productId: string, _prev: ListingFormState, form: FormData): Promise<ListingFormState> => {
    const r = await setFlashSale({
      productId,
      on: form.get("on") === "true",
      actor: { role: "seller", sellerId: shopOf(user) },
    });
    revalidatePath(`/seller/products/${productId}`);
    return { message: r.isHot ? "Flash sale on." : "Flash sale ended." };
  },
);
