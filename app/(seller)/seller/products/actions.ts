"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { requireUser } from "@/lib/auth/guards";
import { changeListingStatus } from "@/lib/catalog/change-listing-status";
import { createListing } from "@/lib/catalog/create-listing";
import { revalidateCachedProduct } from "@/lib/catalog/revalidate-cached-product";
import { updateListing } from "@/lib/catalog/update-listing";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { setFlashSale } from "@/lib/orders/set-flash-sale";

export type ListingFormState = { error?: string; fields?: Record<string, string>; message?: string };

async function sellerContext() {
  const user = await requireUser("seller");
  if (!user.sellerId) throw new AppError("forbidden", "Open a shop first.");
  return { userId: user.id, sellerId: user.sellerId };
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
    inventoryCount: form.get("inventoryCount") === "" ? undefined : Number(form.get("inventoryCount")),
    attributes,
    images: form.getAll("images").map(String),
  };
}

function failure(err: unknown): ListingFormState {
  if (isAppError(err)) return { error: err.message, fields: err.details?.fields as Record<string, string> | undefined };
  throw err;
}

export async function createListingAction(_prev: ListingFormState, form: FormData): Promise<ListingFormState> {
  let productId: string;
  try {
    const { userId, sellerId } = await sellerContext();
    const r = await createListing({
      sellerId,
      actorId: userId,
      input: { ...fieldsFrom(form), draft: form.get("intent") !== "submit" },
    });
    productId = r.productId;
  } catch (err) {
    return failure(err);
  }
  revalidatePath("/seller/products");
  redirect(`/seller/products/${productId}?saved=1`);
}

export async function updateListingAction(
  productId: string,
  _prev: ListingFormState,
  form: FormData,
): Promise<ListingFormState> {
  try {
    const { userId, sellerId } = await sellerContext();
    const r = await updateListing({ sellerId, actorId: userId, productId, input: fieldsFrom(form) });
    if (form.get("intent") === "submit" && (r.status === "draft" || r.status === "rejected"))
      await changeListingStatus({ sellerId, productId, action: "submit" });
  } catch (err) {
    return failure(err);
  }
  revalidatePath("/seller/products");
  revalidatePath(`/seller/products/${productId}`);
  await revalidateCachedProduct(productId);
  return { message: form.get("intent") === "submit" ? "Saved and submitted for review." : "Saved." };
}

export async function listingStatusAction(
  productId: string,
  action: "submit" | "withdraw" | "archive",
): Promise<ListingFormState> {
  try {
    const { sellerId } = await sellerContext();
    await changeListingStatus({ sellerId, productId, action });
  } catch (err) {
    return failure(err);
  }
  revalidatePath("/seller/products");
  await revalidateCachedProduct(productId);
  if (action === "archive") redirect("/seller/products?deleted=1");
  revalidatePath(`/seller/products/${productId}`);
  return { message: action === "submit" ? "Submitted for review." : "Moved back to drafts." };
}

export async function flashSaleAction(
  productId: string,
  _prev: ListingFormState,
  form: FormData,
): Promise<ListingFormState> {
  try {
    const { sellerId } = await sellerContext();
    const r = await setFlashSale({ productId, on: form.get("on") === "true", actor: { role: "seller", sellerId } });
    revalidatePath(`/seller/products/${productId}`);
    return { message: r.isHot ? "Flash sale on." : "Flash sale ended." };
  } catch (err) {
    return failure(err);
  }
}
