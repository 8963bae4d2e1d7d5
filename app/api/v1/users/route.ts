import { clientIp } from "@/lib/auth/client-ip";
import { recordRequestSignal } from "@/lib/auth/record-request-signal";
import { requestOrigin } from "@/lib/auth/request-origin";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { localeFromAcceptLanguage } from "@/lib/mail/i18n/translate";
import { createAccount, ZSignUp } from "@/lib/users/create-account";

/** Sign-up: creates a buyer account (createAccount counts the IP and the email against their limits). */
export const POST = apiRoute(
  { access: "public", body: ZSignUp, summary: "Create a buyer account", status: 201 },
  async ({ req, body }) => {
    const user = await createAccount(body, {
      ip: clientIp(req.headers),
      appUrl: env().APP_URL,
      locale: localeFromAcceptLanguage(req.headers.get("accept-language")),
    });
    await recordRequestSignal({ userId: user.id, action: "sign_up", origin: await requestOrigin() });
    return Response.json({ id: user.id, email: user.email }, { status: 201 });
  },
);
