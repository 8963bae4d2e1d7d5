import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { verifyEmail, ZEmailVerification } from "@/lib/users/verify-email";

/** Confirms an address with the emailed one-time token (a new account's, or an email change's new address). */
export const POST = apiRoute(
  { access: "public", body: ZEmailVerification, summary: "Confirm an email address from its link" },
  async ({ req, body }) => {
    const { email, changed } = await verifyEmail(body, { ip: clientIp(req.headers), appUrl: env().APP_URL });
    return { email, email_verified: true, changed };
  },
);
