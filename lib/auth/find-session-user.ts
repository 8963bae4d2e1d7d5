import "server-only";

import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  sellerId: string | null;
  shopName: string | null;
  sessionId: string;
  /** Two-factor sign-in is on (required before an admin may act). */
  twoFactorEnabled: boolean;
};

/**
 * The user behind a session cookie's claims, when its session row is live (not ended, used
 * within the cookie's lifetime) and the account is active; null otherwise. One statement
 * (this runs on every signed-in request): the CTE touches last_seen_at when it is over a
 * minute old, so a busy session writes once a minute.
 */
export async function findSessionUser(opts: { userId: string; sessionId: string }): Promise<SessionUser | null> {
  const { userId, sessionId } = opts;
  const [user] = await db().$queryRaw<
    {
      id: string;
      email: string;
      name: string | null;
      role: Role;
      status: string;
      sellerId: string | null;
      shopName: string | null;
      twoFactorEnabled: boolean;
    }[]
  >`WITH touched AS (
      UPDATE user_sessions SET last_seen_at = now()
       WHERE id = ${sessionId}::uuid AND user_id = ${userId}::uuid AND revoked_at IS NULL
         AND last_seen_at < now() - interval '1 minute'
         AND last_seen_at > now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS}::double precision))
    SELECT u.id, u.email, u.name, u.role, u.status, s.id AS "sellerId", s.shop_name AS "shopName",
           (tf.enabled_at IS NOT NULL) AS "twoFactorEnabled"
      FROM user_sessions us
      JOIN users u ON u.id = us.user_id
      LEFT JOIN seller_profiles s ON s.user_id = u.id
      LEFT JOIN user_two_factor tf ON tf.user_id = u.id
     WHERE us.id = ${sessionId}::uuid AND us.user_id = ${userId}::uuid AND us.revoked_at IS NULL
       AND us.last_seen_at > now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS}::double precision)`;
  if (!user || user.status !== "active") return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sellerId: user.sellerId,
    shopName: user.shopName,
    sessionId,
    twoFactorEnabled: user.twoFactorEnabled,
  };
}
