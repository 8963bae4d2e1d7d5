"use server";

import { headers } from "next/headers";

import { clientIp } from "@/lib/auth/client-ip";
import { confirmTotpEnrolment } from "@/lib/auth/confirm-totp-enrolment";
import { disableTotp } from "@/lib/auth/disable-totp";
import { startTotpEnrolment } from "@/lib/auth/start-totp-enrolment";
import { ZSecondFactorCode } from "@/lib/auth/two-factor-input";
import { serverAction } from "@/lib/http/server-action";

export type EnrolmentState = {
  error?: string;
  fields?: Record<string, string>;
  enrolment?: { secret: string; qrCodeDataUrl: string };
  recoveryCodes?: string[];
};

export const startTotpEnrolmentAction = serverAction(
  { access: "user", failure: (f): EnrolmentState => f },
  async ({ user }, _prev: EnrolmentState, _form: FormData): Promise<EnrolmentState> => {
    const { secret, qrCodeDataUrl } = await startTotpEnrolment({ userId: user.id, email: user.email });
    return { enrolment: { secret, qrCodeDataUrl } };
  },
);

// No revalidation here: the page would re-render as "on" and take the recovery codes off the
// screen before they were saved. The "I have saved them" button refreshes it.
export const confirmTotpEnrolmentAction = serverAction(
  { access: "user", schema: ZSecondFactorCode, failure: (f): EnrolmentState => f },
  async ({ user, input }, _prev: EnrolmentState, _form: FormData): Promise<EnrolmentState> => {
    const { recoveryCodes } = await confirmTotpEnrolment({ userId: user.id, code: input.code });
    return { recoveryCodes };
  },
);

export type DisableState = { error?: string; fields?: Record<string, string>; message?: string };

export const disableTotpAction = serverAction(
  { access: "user", schema: ZSecondFactorCode, failure: (f): DisableState => f },
  async ({ user, input }, _prev: DisableState, _form: FormData): Promise<DisableState> => {
    await disableTotp({ userId: user.id, code: input.code, ip: clientIp(await headers()) });
    return { message: "Two-factor sign-in is off." };
  },
);
