"use server";

import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import { env } from "@/lib/env";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { deleteAccount, ZAccountDeletion } from "@/lib/privacy/delete-account";
import { changePassword, ZPasswordChange } from "@/lib/users/change-password";
import { requestEmailChange, ZEmailChange } from "@/lib/users/request-email-change";
import { resendEmailVerification } from "@/lib/users/resend-email-verification";

export type SettingsState = { error?: string; fields?: Record<string, string>; message?: string; deleted?: boolean };

export const resendVerificationAction = serverAction(
  { access: "user" },
  async ({ user }, _prev: SettingsState, _form: FormData): Promise<SettingsState> => {
    const { email } = await resendEmailVerification(user.id, { appUrl: env().APP_URL });
    return { message: `We sent a new confirmation link to ${email}.` };
  },
);

export const changeEmailAction = serverAction(
  {
    access: "user",
    args: [ARG.unread, ARG.form],
    schema: ZEmailChange,
    input: (_prev: SettingsState, form: FormData) => ({
      email: form.get("email"),
      currentPassword: form.get("currentPassword"),
    }),
  },
  async ({ user, input }, _prev: SettingsState, _form: FormData): Promise<SettingsState> => {
    const { pendingEmail } = await requestEmailChange(user.id, input, { appUrl: env().APP_URL });
    return {
      message: `We sent a confirmation link to ${pendingEmail}. Your account keeps ${user.email} until you use it.`,
    };
  },
);

export const changePasswordAction = serverAction(
  {
    access: "user",
    args: [ARG.unread, ARG.form],
    schema: ZPasswordChange,
    input: (_prev: SettingsState, form: FormData) => ({
      currentPassword: form.get("currentPassword"),
      newPassword: form.get("newPassword"),
    }),
  },
  async ({ user, input }, _prev: SettingsState, _form: FormData): Promise<SettingsState> => {
    await changePassword(user.id, input, {
      appUrl: env().APP_URL,
      endSessions: (tx, userId) => revokeUserSessions({ userId, exceptSessionId: user.sessionId, tx }),
    });
    return { message: "Your password is changed. You were signed out everywhere else." };
  },
);

export const deleteAccountAction = serverAction(
  {
    access: "user",
    args: [ARG.unread, ARG.form],
    schema: ZAccountDeletion,
    input: (_prev: SettingsState, form: FormData) => ({
      currentPassword: form.get("currentPassword"),
      confirm: form.get("confirm"),
    }),
  },
  async ({ user, input }, _prev: SettingsState, _form: FormData): Promise<SettingsState> => {
    await deleteAccount(user.id, input);
    return { deleted: true };
  },
);
