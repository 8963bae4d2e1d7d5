import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { changePassword, ZPasswordChange } from "@/lib/users/change-password";

/** Changes the signed-in person's password (the current one required). */
export const PUT = apiRoute(
  { access: "user", body: ZPasswordChange, summary: "Change your password" },
  async ({ user, body }) => {
    await changePassword(user.id, body, { appUrl: env().APP_URL });
    return { ok: true };
  },
);
