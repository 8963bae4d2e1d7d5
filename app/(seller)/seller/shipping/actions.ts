"use server";

import { revalidatePath } from "next/cache";

import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { addShippingZone } from "@/lib/shipping/add-shipping-zone";
import { createShippingProfile } from "@/lib/shipping/create-shipping-profile";
import { deleteShippingProfile } from "@/lib/shipping/delete-shipping-profile";
import { deleteShippingZone } from "@/lib/shipping/delete-shipping-zone";
import { renameShippingProfile } from "@/lib/shipping/rename-shipping-profile";
import { setDefaultShippingProfile } from "@/lib/shipping/set-default-shipping-profile";
import { updateShippingZone } from "@/lib/shipping/update-shipping-zone";

export type ZoneFormState = { error?: string; fields?: Record<string, string>; added?: boolean; message?: string };
export type ProfileFormState = { error?: string; fields?: Record<string, string>; message?: string };

function shopOf(user: CurrentUser): string {
  if (!user.sellerId) throw new AppError("forbidden", "Open a shop first.");
  return user.sellerId;
}

// The domain validates (lib/shipping/shipping-zone-input.ts); the form's fields are mapped here
// only where HTML sends something else (a checkbox's "on", an empty optional number).
function zoneFrom(form: FormData) {
  const free = form.get("freeOverCents");
  return {
    restOfWorld: form.get("restOfWorld") === "on",
    countries: form.get("countries") ?? "",
    firstItemCents: form.get("firstItemCents"),
    additionalItemCents: form.get("additionalItemCents") || "0",
    freeOverCents: free ? free : null,
    handlingDaysMin: form.get("handlingDaysMin"),
    handlingDaysMax: form.get("handlingDaysMax"),
    transitDaysMin: form.get("transitDaysMin"),
    transitDaysMax: form.get("transitDaysMax"),
  };
}

function done<S>(state: S): S {
  revalidatePath("/seller/shipping");
  return state;
}

export const addShippingZoneAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, profileId: string, _prev: ZoneFormState, form: FormData): Promise<ZoneFormState> => {
    await addShippingZone({ sellerId: shopOf(user), profileId, input: zoneFrom(form) });
    return done({ added: true });
  },
);

export const updateShippingZoneAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, zoneId: string, _prev: ZoneFormState, form: FormData): Promise<ZoneFormState> => {
    await updateShippingZone({ sellerId: shopOf(user), zoneId, input: zoneFrom(form) });
    return done({ message: "Zone saved." });
  },
);

export const deleteShippingZoneAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, zoneId: string, _prev: ProfileFormState, _form: FormData): Promise<ProfileFormState> => {
    await deleteShippingZone({ sellerId: shopOf(user), zoneId });
    return done({ message: "Zone deleted." });
  },
);

export const createShippingProfileAction = serverAction(
  { access: "seller", args: [ARG.unread, ARG.form] },
  async ({ user }, _prev: ProfileFormState, form: FormData): Promise<ProfileFormState> => {
    await createShippingProfile({
      sellerId: shopOf(user),
      input: { name: form.get("name"), currency: form.get("currency") },
    });
    return done({ message: "Profile created. Add the zones it ships to." });
  },
);

export const renameShippingProfileAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, profileId: string, _prev: ProfileFormState, form: FormData): Promise<ProfileFormState> => {
    await renameShippingProfile({ sellerId: shopOf(user), profileId, input: { name: form.get("name") } });
    return done({ message: "Renamed." });
  },
);

export const setDefaultShippingProfileAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, profileId: string, _prev: ProfileFormState, _form: FormData): Promise<ProfileFormState> => {
    await setDefaultShippingProfile({ sellerId: shopOf(user), profileId });
    return done({ message: "This is now your shop's default." });
  },
);

export const deleteShippingProfileAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, profileId: string, _prev: ProfileFormState, _form: FormData): Promise<ProfileFormState> => {
    await deleteShippingProfile({ sellerId: shopOf(user), profileId });
    return done({ message: "Profile deleted." });
  },
);
