import { clientIp } from "@/lib/auth/client-ip";
import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { resetPassword, ZPasswordReset } from "@/lib/users/reset-password";

/** Sets a new password with the emailed one-time token; every session of the account ends. */
export const POST = apiRoute(
  { access: "public", body: ZPasswordReset, summary: "Set a new password from a reset link" },
  async ({ req, body }) => {
    await resetPassword(body, {
      ip: clientIp(req.headers),
      appUrl: env().APP_URL,
      endSessions: (tx, userId) => revokeUserSessions({ userId, tx }),
    });
    return { ok: true };
  },
);
