"use server";

import { headers } from "next/headers";

import { clientIp } from "@/lib/auth/client-ip";
import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import { env } from "@/lib/env";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { resetPassword, ZPasswordReset } from "@/lib/users/reset-password";

export type ResetPasswordState = { error?: string; fields?: Record<string, string>; done?: boolean };

export const resetPasswordAction = serverAction(
  {
    access: "public",
    args: [ARG.unread, ARG.form],
    schema: ZPasswordReset,
    input: (_prev: ResetPasswordState, form: FormData) => ({
      token: form.get("token"),
      password: form.get("password"),
    }),
  },
  async ({ input }, _prev: ResetPasswordState, _form: FormData): Promise<ResetPasswordState> => {
    await resetPassword(input, {
      ip: clientIp(await headers()),
      appUrl: env().APP_URL,
      endSessions: (tx, userId) => revokeUserSessions({ userId, tx }),
    });
    return { done: true };
  },
);
