import { after } from "next/server";

import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { requestPasswordReset, ZPasswordResetRequest } from "@/lib/users/request-password-reset";

/** Forgot password: the same 202 whether or not the address has an account; the email goes after the answer. */
export const POST = apiRoute(
  { access: "public", body: ZPasswordResetRequest, summary: "Email a password reset link", status: 202 },
  async ({ req, body }) => {
    const result = await requestPasswordReset(body, {
      ip: clientIp(req.headers),
      appUrl: env().APP_URL,
      defer: (work) => after(work),
    });
    return Response.json(result, { status: 202 });
  },
);
