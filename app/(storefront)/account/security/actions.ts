"use server";

import { revalidatePath } from "next/cache";

import type { ActionFormState } from "@/components/ui/action-form";
import { revokeUserSession } from "@/lib/auth/revoke-user-session";
import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import { ZRevokeSession } from "@/lib/auth/session-input";
import { serverAction } from "@/lib/http/server-action";

export const revokeSessionAction = serverAction(
  { access: "user", schema: ZRevokeSession },
  async ({ user, input }, _prev: ActionFormState, _form: FormData): Promise<ActionFormState> => {
    const ended = await revokeUserSession({ userId: user.id, sessionId: input.sessionId });
    revalidatePath("/account/security");
    return { message: ended ? "That session is signed out." : "That session had already ended." };
  },
);

export const revokeOtherSessionsAction = serverAction(
  { access: "user" },
  async ({ user }, _prev: ActionFormState, _form: FormData): Promise<ActionFormState> => {
    const count = await revokeUserSessions({ userId: user.id, exceptSessionId: user.sessionId });
    revalidatePath("/account/security");
    return {
      message:
        count === 0 ? "No other session was signed in." : `Signed out ${count} other session${count === 1 ? "" : "s"}.`,
    };
  },
);
