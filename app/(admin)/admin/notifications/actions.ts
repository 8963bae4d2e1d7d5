"use server";

import { revalidatePath } from "next/cache";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { liftEmailSuppression } from "@/lib/mail/lift-email-suppression";
import { resendNotification } from "@/lib/mail/resend-notification";

export type DeliveryActionState = { error?: string; message?: string };

/** Queues an undelivered email again (audited). */
export const resendNotificationAction = serverAction(
  { access: "admin", args: [ARG.id, ARG.unread] },
  async ({ user }, notificationId: string, _prev: DeliveryActionState): Promise<DeliveryActionState> => {
    await resendNotification({ notificationId, adminId: user.id });
    revalidatePath("/admin/notifications");
    return { message: "Queued again: the worker sends it within a minute." };
  },
);

/** Lets the platform email an address again (audited). */
export const liftSuppressionAction = serverAction(
  { access: "admin", args: [ARG.emailAddress, ARG.unread] },
  async ({ user }, address: string, _prev: DeliveryActionState): Promise<DeliveryActionState> => {
    const lifted = await liftEmailSuppression({ address, adminId: user.id });
    revalidatePath("/admin/notifications");
    return { message: lifted ? `Lifted: ${address} gets email again.` : `${address} was not suppressed.` };
  },
);
