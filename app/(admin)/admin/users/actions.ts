"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth/guards";
import { revalidateAllCachedProducts } from "@/lib/catalog/revalidate-all-cached-products";
import { isAppError } from "@/lib/errors/app-error";
import { setAccountSuspension } from "@/lib/users/set-account-suspension";

export type SuspensionState = { error?: string; message?: string };

export async function setSuspensionAction(
  userId: string,
  suspend: boolean,
  _prev: SuspensionState,
  form: FormData,
): Promise<SuspensionState> {
  try {
    const admin = await requireUser("admin");
    const r = await setAccountSuspension({
      userId,
      adminId: admin.id,
      suspend,
      reason: String(form.get("reason") ?? ""),
    });
    revalidatePath("/admin/users");
    // A shop's listings leave the cached product pages too.
    if (r.sellerId && r.changed) revalidateAllCachedProducts();
    if (!r.changed) return { message: suspend ? "Already suspended." : "Already active." };
    return {
      message: suspend
        ? "Suspended. They were signed out and told why by email."
        : "Reinstated. They were told by email.",
    };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}
