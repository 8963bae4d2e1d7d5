"use server";

import { headers } from "next/headers";

import { clientIp } from "@/lib/auth/client-ip";
import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import { env } from "@/lib/env";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { verifyEmail, ZEmailVerification } from "@/lib/users/verify-email";

export type VerifyEmailState = {
  error?: string;
  fields?: Record<string, string>;
  confirmed?: string;
  changed?: boolean;
};

export const verifyEmailAction = serverAction(
  {
    access: "public",
    args: [ARG.unread, ARG.form],
    schema: ZEmailVerification,
    input: (_prev: VerifyEmailState, form: FormData) => ({ token: form.get("token") }),
  },
  async ({ user, input }, _prev: VerifyEmailState, _form: FormData): Promise<VerifyEmailState> => {
    const { email, changed } = await verifyEmail(input, {
      ip: clientIp(await headers()),
      appUrl: env().APP_URL,
      // The session confirming stays when it is the account's own; every other one ends.
      endSessions: (tx, userId) =>
        revokeUserSessions({ userId, exceptSessionId: user?.id === userId ? user.sessionId : undefined, tx }),
    });
    return { confirmed: email, changed };
  },
);
