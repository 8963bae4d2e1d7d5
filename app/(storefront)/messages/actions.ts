"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { setConversationBlock } from "@/lib/messages/block-conversation";
import { reportConversation } from "@/lib/messages/report-conversation";
import { sendMessage } from "@/lib/messages/send-message";
import { startConversation } from "@/lib/messages/start-conversation";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

export type MessageFormState = { error?: string; fields?: Record<string, string>; message?: string; sentAt?: number };

const messageFrom = (form: FormData) => ({
  body: form.get("body") ?? "",
  images: form.getAll("images").filter((v) => typeof v === "string" && v !== ""),
});

/** A buyer asks the shop about a product or one of their orders; they land in the thread. */
export const startConversationAction = serverAction(
  { access: "user", args: [ARG.topic, ARG.id, ARG.unread, ARG.form], rateLimit: RATE_LIMIT_POLICIES.messages },
  async (
    { user },
    kind: "product" | "order",
    id: string,
    _prev: MessageFormState,
    form: FormData,
  ): Promise<MessageFormState> => {
    const { conversationId } = await startConversation({
      buyerId: user.id,
      topic: kind === "product" ? { kind, productId: id } : { kind, orderId: id },
      message: messageFrom(form),
    });
    redirect(`/messages/${conversationId}`);
  },
);

/** A participant replies in the thread. */
export const sendMessageAction = serverAction(
  { access: "user", args: [ARG.id, ARG.unread, ARG.form], rateLimit: RATE_LIMIT_POLICIES.messages },
  async ({ user }, conversationId: string, _prev: MessageFormState, form: FormData): Promise<MessageFormState> => {
    await sendMessage({ userId: user.id, conversationId, message: messageFrom(form) });
    revalidatePath(`/messages/${conversationId}`);
    revalidatePath(`/seller/messages/${conversationId}`);
    return { sentAt: Date.now() };
  },
);

export const blockConversationAction = serverAction(
  { access: "user", args: [ARG.id, ARG.flag, ARG.unread, ARG.form] },
  async (
    { user },
    conversationId: string,
    blocked: boolean,
    _prev: MessageFormState,
    _form: FormData,
  ): Promise<MessageFormState> => {
    await setConversationBlock({ userId: user.id, conversationId, blocked });
    revalidatePath(`/messages/${conversationId}`);
    revalidatePath(`/seller/messages/${conversationId}`);
    return { message: blocked ? "Conversation blocked: no more messages can be sent." : "Conversation unblocked." };
  },
);

export const reportConversationAction = serverAction(
  { access: "user", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, conversationId: string, _prev: MessageFormState, form: FormData): Promise<MessageFormState> => {
    await reportConversation({ userId: user.id, conversationId, input: { reason: form.get("reason") } });
    return { message: "Thanks: our moderators will read this conversation." };
  },
);
