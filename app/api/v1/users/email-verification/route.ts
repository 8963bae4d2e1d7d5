import { clientIp } from "@/lib/auth/client-ip";
import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { verifyEmail, ZEmailVerification } from "@/lib/users/verify-email";

/** Confirms an address with the emailed one-time token (a new account's, or an email change's new address). */
export const POST = apiRoute(
  { access: "public", body: ZEmailVerification, summary: "Confirm an email address from its link" },
  async ({ req, user, body }) => {
    const { email, changed } = await verifyEmail(body, {
      ip: clientIp(req.headers),
      appUrl: env().APP_URL,
      // The session confirming stays when it is the account's own; every other one ends.
      endSessions: (tx, userId) =>
        revokeUserSessions({ userId, exceptSessionId: user?.id === userId ? user.sessionId : undefined, tx }),
    });
    return { email, email_verified: true, changed };
  },
);
