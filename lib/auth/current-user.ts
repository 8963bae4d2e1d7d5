import "server-only";

import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";

import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

import { authOptions } from "./auth-options";

export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  sellerId: string | null;
  shopName: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in user, read fresh from the database once per request, so a role change or
 * a suspension takes effect at once; null when signed out or suspended.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Reading cookies first also marks the page dynamic; visitors without a session
  // cookie never reach next-auth or the database.
  const jar = await cookies();
  if (!jar.has("next-auth.session-token") && !jar.has("__Secure-next-auth.session-token")) return null;
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id || !UUID.test(id)) return null;
  // One statement (Prisma's nested select is two): this runs on every signed-in request.
  const [user] = await db().$queryRaw<
    {
      id: string;
      email: string;
      name: string | null;
      role: Role;
      status: string;
      sellerId: string | null;
      shopName: string | null;
    }[]
  >`SELECT u.id, u.email, u.name, u.role, u.status, s.id AS "sellerId", s.shop_name AS "shopName"
      FROM users u LEFT JOIN seller_profiles s ON s.user_id = u.id
     WHERE u.id = ${id}::uuid`;
  if (!user || user.status !== "active") return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sellerId: user.sellerId,
    shopName: user.shopName,
  };
});
