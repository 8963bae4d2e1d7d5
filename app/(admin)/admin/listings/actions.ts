"use server";

import { revalidatePath } from "next/cache";

import { resolveListingCase, ZResolveCase } from "@/lib/catalog/resolve-listing-case";
import { revalidateCachedProduct } from "@/lib/catalog/revalidate-cached-product";
import { setListingSuspension } from "@/lib/catalog/set-listing-suspension";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { setFlashSale } from "@/lib/orders/set-flash-sale";

export type DecisionState = { error?: string; message?: string };

export const decideCaseAction = serverAction(
  {
    access: "admin",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZResolveCase,
    input: (_caseId: string, _prev: DecisionState, form: FormData) => ({
      decision: form.get("decision"),
      reason: String(form.get("reason") ?? "") || undefined,
    }),
  },
  async ({ user, input }, caseId: string, _prev: DecisionState, _form: FormData): Promise<DecisionState> => {
    const r = await resolveListingCase({ caseId, adminId: user.id, input });
    revalidatePath("/admin/listings");
    await revalidateCachedProduct(r.productId);
    return { message: `Done: the listing is now ${r.productStatus.replace("_", " ")}.` };
  },
);

export const reinstateAction = serverAction(
  { access: "admin", args: [ARG.id] },
  async ({ user }, productId: string): Promise<DecisionState> => {
    await setListingSuspension({ productId, adminId: user.id, suspend: false });
    revalidatePath("/admin/listings");
    await revalidateCachedProduct(productId);
    return { message: "Reinstated." };
  },
);

export const suspendAction = serverAction(
  { access: "admin", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, productId: string, _prev: DecisionState, form: FormData): Promise<DecisionState> => {
    await setListingSuspension({
      productId,
      adminId: user.id,
      suspend: true,
      reason: String(form.get("reason") ?? ""),
    });
    revalidatePath(`/admin/listings/${productId}`);
    await revalidateCachedProduct(productId);
    return { message: "Suspended." };
  },
);

export const flashSaleAction = serverAction(
  { access: "admin", args: [ARG.id, ARG.unread, ARG.form] },
  async (_ctx, productId: string, _prev: DecisionState, form: FormData): Promise<DecisionState> => {
    const r = await setFlashSale({ productId, on: form.get("on") === "true", actor: { role: "admin" } });
    revalidatePath(`/admin/listings/${productId}`);
    return { message: r.isHot ? "Flash sale on." : "Flash sale ended." };
  },
);
