"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth/guards";
import { resolveListingCase } from "@/lib/catalog/resolve-listing-case";
import { revalidateCachedProduct } from "@/lib/catalog/revalidate-cached-product";
import { setListingSuspension } from "@/lib/catalog/set-listing-suspension";
import { isAppError } from "@/lib/errors/app-error";
import { setFlashSale } from "@/lib/orders/set-flash-sale";

export type DecisionState = { error?: string; message?: string };

export async function decideCaseAction(caseId: string, _prev: DecisionState, form: FormData): Promise<DecisionState> {
  try {
    const admin = await requireUser("admin");
    const r = await resolveListingCase({
      caseId,
      adminId: admin.id,
      input: { decision: form.get("decision"), reason: String(form.get("reason") ?? "") || undefined },
    });
    revalidatePath("/admin/listings");
    revalidateCachedProduct(r.productId);
    return { message: `Done: the listing is now ${r.productStatus.replace("_", " ")}.` };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}

export async function reinstateAction(productId: string): Promise<DecisionState> {
  try {
    const admin = await requireUser("admin");
    await setListingSuspension({ productId, adminId: admin.id, suspend: false });
    revalidatePath("/admin/listings");
    revalidateCachedProduct(productId);
    return { message: "Reinstated." };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}

export async function suspendAction(productId: string, _prev: DecisionState, form: FormData): Promise<DecisionState> {
  try {
    const admin = await requireUser("admin");
    await setListingSuspension({
      productId,
      adminId: admin.id,
      suspend: true,
      reason: String(form.get("reason") ?? ""),
    });
    revalidatePath(`/admin/listings/${productId}`);
    revalidateCachedProduct(productId);
    return { message: "Suspended." };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}

export async function flashSaleAction(productId: string, _prev: DecisionState, form: FormData): Promise<DecisionState> {
  try {
    await requireUser("admin");
    const r = await setFlashSale({ productId, on: form.get("on") === "true", actor: { role: "admin" } });
    revalidatePath(`/admin/listings/${productId}`);
    return { message: r.isHot ? "Flash sale on." : "Flash sale ended." };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}
