"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/errors/app-error";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { addShippingZone } from "@/lib/shipping/add-shipping-zone";

export type ZoneFormState = { error?: string; fields?: Record<string, string>; added?: boolean };

// addShippingZone validates (lib/shipping/shipping-zone-input.ts); the form's fields are mapped
// here only where HTML sends something else (a checkbox's "on", an empty threshold).
export const addShippingZoneAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, profileId: string, _prev: ZoneFormState, form: FormData): Promise<ZoneFormState> => {
    if (!user.sellerId) throw new AppError("forbidden", "Open a shop first.");
    const free = form.get("freeOverCents");
    await addShippingZone({
      sellerId: user.sellerId,
      profileId,
      input: {
        restOfWorld: form.get("restOfWorld") === "on",
        countries: form.get("countries") ?? "",
        firstItemCents: form.get("firstItemCents"),
        additionalItemCents: form.get("additionalItemCents") || "0",
        freeOverCents: free ? free : null,
        handlingDaysMin: form.get("handlingDaysMin"),
        handlingDaysMax: form.get("handlingDaysMax"),
        transitDaysMin: form.get("transitDaysMin"),
        transitDaysMax: form.get("transitDaysMax"),
      },
    });
    revalidatePath("/seller/shipping");
    return { added: true };
  },
);
