"use server";

import { revalidatePath } from "next/cache";

import { addAddress } from "@/lib/addresses/add-address";
import { ZAddress } from "@/lib/addresses/address-input";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";

export type AddressFormState = { error?: string; fields?: Record<string, string>; addedId?: string };

export const addAddressAction = serverAction(
  {
    access: "user",
    args: [ARG.unread, ARG.form],
    schema: ZAddress,
    input: (_prev: AddressFormState, form: FormData) => {
      const get = (k: string) => String(form.get(k) ?? "");
      return {
        fullName: get("fullName"),
        line1: get("line1"),
        line2: get("line2"),
        city: get("city"),
        region: get("region"),
        postalCode: get("postalCode"),
        country: get("country"),
        phone: get("phone"),
        isDefault: form.get("isDefault") === "on",
      };
    },
  },
  async ({ user, input }, _prev: AddressFormState, _form: FormData): Promise<AddressFormState> => {
    const a = await addAddress(user.id, input);
    revalidatePath("/checkout");
    return { addedId: a.id };
  },
);
