"use server";

import { revalidatePath } from "next/cache";

import { addAddress } from "@/lib/addresses/add-address";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";

export type AddressFormState = { error?: string; fields?: Record<string, string>; addedId?: string };

export async function addAddressAction(_prev: AddressFormState, form: FormData): Promise<AddressFormState> {
  try {
    const user = await requireUser();
    const get = (k: string) => String(form.get(k) ?? "");
    const a = await addAddress(user.id, {
      fullName: get("fullName"),
      line1: get("line1"),
      line2: get("line2"),
      city: get("city"),
      region: get("region"),
      postalCode: get("postalCode"),
      country: get("country"),
      phone: get("phone"),
      isDefault: form.get("isDefault") === "on",
    });
    revalidatePath("/checkout");
    return { addedId: a.id };
  } catch (err) {
    if (isAppError(err))
      return { error: err.message, fields: err.details?.fields as Record<string, string> | undefined };
    throw err;
  }
}
