"use server";

import { headers } from "next/headers";

import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
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
    schema: ZEmailVerification,
    input: (_prev: VerifyEmailState, form: FormData) => ({ token: form.get("token") }),
  },
  async ({ input }, _prev: VerifyEmailState, _form: FormData): Promise<VerifyEmailState> => {
    const { email, changed } = await verifyEmail(input, { ip: clientIp(await headers()), appUrl: env().APP_URL });
    return { confirmed: email, changed };
  },
);
