"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/errors/app-error";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { updateShop } from "@/lib/sellers/update-shop";

export type ShopFormState = { error?: string; fields?: Record<string, string>; message?: string };

export const updateShopAction = serverAction(
  { access: "seller", args: [ARG.unread, ARG.form] },
  async ({ user }, _prev: ShopFormState, form: FormData): Promise<ShopFormState> => {
    if (!user.sellerId) throw new AppError("forbidden", "Open a shop first.");
    const shop = await updateShop(user.sellerId, {
      shopName: form.get("shopName"),
      description: form.get("description") ?? "",
    });
    revalidatePath(`/shops/${shop.slug}`);
    revalidatePath("/seller/shop");
    return { message: "Shop page saved." };
  },
);
