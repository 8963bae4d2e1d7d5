// Guards for pages (redirect to sign-in, or the 403 page) and for server actions and
// domain calls (AppError). Pages call them in page.tsx, never only in a layout.
import { forbidden, redirect } from "next/navigation";

import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

import { getCurrentUser, type CurrentUser } from "./current-user";

export function hasRole(user: CurrentUser, role: Role): boolean {
  if (user.role === "admin") return true;
  if (role === "buyer") return true;
  return user.role === role;
}

export async function requirePageUser(callbackUrl: string, role: Role = "buyer"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!hasRole(user, role)) forbidden();
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
  return user;
}
