import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { resendEmailVerification } from "@/lib/users/resend-email-verification";

/** Sends a new confirmation link to the signed-in person's address. */
export const POST = apiRoute(
  { access: "user", summary: "Send a new email confirmation link", status: 202 },
  async ({ user }) => {
    const { email } = await resendEmailVerification(user.id, { appUrl: env().APP_URL });
    return Response.json({ sent_to: email }, { status: 202 });
  },
);
