import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { changePassword, ZPasswordChange } from "@/lib/users/change-password";

/** Changes the signed-in person's password (the current one required); their other sessions end. */
export const PUT = apiRoute(
  { access: "user", body: ZPasswordChange, summary: "Change your password" },
  async ({ user, body }) => {
    await changePassword(user.id, body, {
      appUrl: env().APP_URL,
      endSessions: (tx, userId) => revokeUserSessions({ userId, exceptSessionId: user.sessionId, tx }),
    });
    return { ok: true };
  },
);
