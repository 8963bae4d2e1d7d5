"use server";

import { revalidatePath } from "next/cache";

import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import { revalidateAllCachedProducts } from "@/lib/catalog/revalidate-all-cached-products";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { setAccountSuspension } from "@/lib/users/set-account-suspension";

export type SuspensionState = { error?: string; message?: string };

export const setSuspensionAction = serverAction(
  { access: "admin", args: [ARG.id, ARG.flag, ARG.unread, ARG.form] },
  async (
    { user },
    userId: string,
    suspend: boolean,
    _prev: SuspensionState,
    form: FormData,
  ): Promise<SuspensionState> => {
    const r = await setAccountSuspension({
      userId,
      adminId: user.id,
      suspend,
      reason: String(form.get("reason") ?? ""),
      endSessions: (tx, id) => revokeUserSessions({ userId: id, tx }),
    });
    revalidatePath("/admin/users");
    // A shop's listings leave the cached product pages too.
    if (r.sellerId && r.changed) await revalidateAllCachedProducts();
    if (!r.changed) return { message: suspend ? "Already suspended." : "Already active." };
    return {
      message: suspend
        ? "Suspended. They were signed out and told why by email."
        : "Reinstated. They were told by email.",
    };
  },
);
