import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { requestEmailChange, ZEmailChange } from "@/lib/users/request-email-change";

/** Starts an email change (the current password required): it takes effect when the new address confirms it. */
export const PUT = apiRoute(
  { access: "user", body: ZEmailChange, summary: "Change your email address", status: 202 },
  async ({ user, body }) => {
    const { pendingEmail } = await requestEmailChange(user.id, body, { appUrl: env().APP_URL });
    return Response.json({ email: user.email, pending_email: pendingEmail }, { status: 202 });
  },
);
