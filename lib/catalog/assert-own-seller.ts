import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";

/** The {seller_id} in a seller API path must be the caller's own shop. */
export function assertOwnSeller(user: CurrentUser | null, sellerId: string): string {
  if (!user?.sellerId) throw new AppError("forbidden", "This needs a seller account.");
  if (user.sellerId !== sellerId) throw new AppError("forbidden", "You can only manage your own shop's listings.");
  return user.sellerId;
}
