"use server";

import { revalidatePath } from "next/cache";

import { setFavourite } from "@/lib/favourites/set-favourite";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

/** The heart: saves a listing to the signed-in buyer's favourites (true) or takes it off (false). */
export const setFavouriteAction = serverAction(
  { access: "user", args: [ARG.id, ARG.flag], rateLimit: RATE_LIMIT_POLICIES.favourites },
  async ({ user }, productId: string, favourite: boolean): Promise<{ favourite: boolean }> => {
    const result = await setFavourite({ userId: user.id, productId, favourite });
    revalidatePath("/favourites");
    return result;
  },
);
