// Guards for pages (redirect to sign-in, or the 403 page) and for server actions and
// domain calls (AppError). Pages call them in page.tsx, never only in a layout.
import { forbidden, redirect } from "next/navigation";

import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

import { getCurrentUser, type CurrentUser } from "./current-user";

/** An admin's powers (seeing any order, hidden listings) need two-factor sign-in on, as the admin console does. */
export function actsAsAdmin(user: Pick<CurrentUser, "role" | "twoFactorEnabled"> | null): boolean {
  return user?.role === "admin" && user.twoFactorEnabled;
}

export function hasRole(user: CurrentUser, role: Role): boolean {
  if (user.role === "admin") return true;
  if (role === "buyer") return true;
  return user.role === role;
}

export async function requirePageUser(callbackUrl: string, role: Role = "buyer"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!hasRole(user, role)) forbidden();
  // Admins set up two-factor sign-in before any admin page opens, then come back here.
  if (role === "admin" && !user.twoFactorEnabled)
    redirect(`/account/security?required=admin&callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}

export type SellerUser = CurrentUser & { sellerId: string; shopName: string };

export async function requirePageSeller(callbackUrl: string): Promise<SellerUser> {
  const user = await requirePageUser(callbackUrl, "seller");
  if (!user.sellerId) redirect("/become-seller");
  return user as SellerUser;
}

export async function requireUser(role: Role = "buyer"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  if (!hasRole(user, role)) throw new AppError("forbidden", `This needs a ${role} account.`);
  if (role === "admin" && !user.twoFactorEnabled)
    throw new AppError("forbidden", "Admins must turn on two-factor sign-in first: set it up at /account/security.");
  return user;
}
