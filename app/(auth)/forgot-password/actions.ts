"use server";

import { headers } from "next/headers";
import { after } from "next/server";

import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { requestPasswordReset, ZPasswordResetRequest } from "@/lib/users/request-password-reset";

export type ForgotPasswordState = { error?: string; fields?: Record<string, string>; message?: string };

export const requestPasswordResetAction = serverAction(
  {
    access: "public",
    args: [ARG.unread, ARG.form],
    schema: ZPasswordResetRequest,
    input: (_prev: ForgotPasswordState, form: FormData) => ({ email: form.get("email") }),
  },
  async ({ input }, _prev: ForgotPasswordState, _form: FormData): Promise<ForgotPasswordState> => {
    // The email is looked up and sent after the answer, so the answer's timing says nothing.
    const { message } = await requestPasswordReset(input, {
      ip: clientIp(await headers()),
      appUrl: env().APP_URL,
      defer: (work) => after(work),
    });
    return { message };
  },
);
