import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";
import { createCategory, createProduct, createReadyUpload, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { setConversationBlock } from "./block-conversation";
import { getConversation, getReportedConversation } from "./get-conversation";
import { countUnreadConversations, listConversations } from "./list-conversations";
import { listModerationConversations } from "./list-moderation-conversations";
import { reportConversation } from "./report-conversation";
import { sendMessage } from "./send-message";
import { startConversation } from "./start-conversation";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

async function shopWithProduct() {
  const { seller, user } = await createSeller(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId, title: "Walnut desk lamp" });
  return { seller, sellerUser: user, product };
}

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw new Error(`expected an AppError, got ${String(err)}`);
  return { code: err.code, status: err.status, message: err.message };
}

const ask = (buyerId: string, productId: string, body: string) =>
  startConversation({ buyerId, topic: { kind: "product", productId }, message: { body } });

describe("conversations", () => {
  it("a buyer asks about a product; only the two participants read the thread, with unread counts per side", async () => {
    const { seller, sellerUser, product } = await shopWithProduct();
    const buyer = await createUser(db());
    const outsider = await createUser(db());
    const { conversationId } = await ask(buyer.id, product.id, "Is it still available in walnut?");

    expect(await countUnreadConversations({ userId: sellerUser.id, sellerId: seller.id })).toEqual({
      buyer: 0,
      seller: 1,
    });
    const inbox = await listConversations({ side: "seller", ownerId: seller.id, filter: "unread" });
    expect(inbox.conversations.map((c) => [c.id, c.unread, c.about, c.subject])).toEqual([
      [conversationId, 1, "product", "Walnut desk lamp"],
    ]);
    expect((await listConversations({ side: "seller", ownerId: seller.id, filter: "order" })).total).toBe(0);

    // The seller reads it (read marker), replies; the buyer now has one unread.
    const asSeller = await getConversation({ userId: sellerUser.id, conversationId });
    expect(asSeller?.viewerRole).toBe("seller");
    expect(asSeller?.messages.map((m) => m.body)).toEqual(["Is it still available in walnut?"]);
    expect((await listConversations({ side: "seller", ownerId: seller.id, filter: "unread" })).total).toBe(0);
    await sendMessage({ userId: sellerUser.id, conversationId, message: { body: "Yes, two left." } });
    expect(await countUnreadConversations({ userId: buyer.id, sellerId: null })).toEqual({ buyer: 1, seller: 0 });
    const asBuyer = await getConversation({ userId: buyer.id, conversationId });
    expect(asBuyer?.messages.map((m) => [m.authorRole, m.body])).toEqual([
      ["buyer", "Is it still available in walnut?"],
      ["seller", "Yes, two left."],
    ]);
    expect(await countUnreadConversations({ userId: buyer.id, sellerId: null })).toEqual({ buyer: 0, seller: 0 });

    // Anyone else: not found, reading or writing, and an admin only once it is reported.
    expect(await getConversation({ userId: outsider.id, conversationId })).toBeNull();
    expect(await refusal(sendMessage({ userId: outsider.id, conversationId, message: { body: "hi" } }))).toMatchObject({
      code: "not_found",
      status: 404,
    });
    expect(
      await refusal(reportConversation({ userId: outsider.id, conversationId, input: { reason: "spam spam" } })),
    ).toMatchObject({ status: 404 });
    expect(await getReportedConversation(conversationId)).toBeNull();
    await reportConversation({ userId: buyer.id, conversationId, input: { reason: "Rude replies" } });
    const asAdmin = await getReportedConversation(conversationId);
    expect(asAdmin?.viewerRole).toBe("admin");
    expect(asAdmin?.reportReason).toBe("Rude replies");
    expect(asAdmin?.messages).toHaveLength(2);
  });

  it("asking again about the same product continues the thread; a question about an order needs the buyer's own order", async () => {
    const { seller, sellerUser, product } = await shopWithProduct();
    const buyer = await createUser(db());
    const first = await ask(buyer.id, product.id, "First question");
    const again = await ask(buyer.id, product.id, "Second question");
    expect(again.conversationId).toBe(first.conversationId);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).sellerUnread).toBe(2);

    const order = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: seller.id,
      productIds: [product.id],
      status: "paid",
    });
    const other = await createUser(db());
    expect(
      await refusal(
        startConversation({
          buyerId: other.id,
          topic: { kind: "order", orderId: order.id },
          message: { body: "mine?" },
        }),
      ),
    ).toMatchObject({ code: "not_found" });
    const aboutOrder = await startConversation({
      buyerId: buyer.id,
      topic: { kind: "order", orderId: order.id },
      message: { body: "When does it ship?" },
    });
    expect(aboutOrder.conversationId).not.toBe(first.conversationId);
    expect(
      (await listConversations({ side: "seller", ownerId: seller.id, filter: "order" })).conversations.map((c) => c.id),
    ).toEqual([aboutOrder.conversationId]);
    // A seller can't open a thread with their own shop.
    expect(await refusal(ask(sellerUser.id, product.id, "Talking to myself"))).toMatchObject({ code: "conflict" });
    // Bad input is a validation message and writes nothing.
    const before = await db().message.count();
    expect(await refusal(ask(buyer.id, product.id, "   "))).toMatchObject({ code: "validation_failed" });
    expect(
      await refusal(startConversation({ buyerId: buyer.id, topic: { kind: "shop" }, message: { body: "x" } })),
    ).toMatchObject({
      code: "validation_failed",
    });
    expect(await db().message.count()).toBe(before);
  });

  it("a message pushing payment off the platform is flagged for the buyer and listed for the moderators; a plain one is not", async () => {
    const { sellerUser, product } = await shopWithProduct();
    const buyer = await createUser(db());
    const { conversationId, offPlatformSignals } = await ask(buyer.id, product.id, "Does it come with a bulb?");
    expect(offPlatformSignals).toEqual([]);
    expect((await listModerationConversations()).conversations.map((c) => c.id)).not.toContain(conversationId);

    const reply = await sendMessage({
      userId: sellerUser.id,
      conversationId,
      message: { body: "Yes! Pay me at paypal.me/lampguy and save the fees, or email lamps@example.com" },
    });
    expect(reply.offPlatformSignals).toEqual(["email", "payment_link"]);
    const view = await getConversation({ userId: buyer.id, conversationId });
    expect(view?.flaggedAt).toBeInstanceOf(Date);
    expect(view?.messages.map((m) => m.offPlatformSignals)).toEqual([[], ["email", "payment_link"]]);
    const listed = (await listModerationConversations()).conversations.find((c) => c.id === conversationId);
    expect(listed?.flaggedMessages.map((m) => m.body)).toEqual([
      "Yes! Pay me at paypal.me/lampguy and save the fees, or email lamps@example.com",
    ]);
    // Flagged, not reported: the moderators see the flagged message, not the whole thread.
    expect(await getReportedConversation(conversationId)).toBeNull();
  });

  it("sending is rate limited per account", async () => {
    const { product } = await shopWithProduct();
    const buyer = await createUser(db());
    const { conversationId } = await ask(buyer.id, product.id, "Message 1");
    const limit = RATE_LIMITS.messageSendPerUser.limit * env().RATE_LIMIT_MULTIPLIER;
    for (let i = 2; i <= limit; i++)
      await sendMessage({ userId: buyer.id, conversationId, message: { body: `Message ${i}` } });
    const refused = await refusal(sendMessage({ userId: buyer.id, conversationId, message: { body: "one too many" } }));
    expect(refused).toMatchObject({ code: "rate_limited", status: 429 });
    expect(await db().message.count({ where: { conversationId } })).toBe(limit);
  });

  it("a blocked thread takes no more messages from either side; only the side that blocked lifts it", async () => {
    const { sellerUser, product } = await shopWithProduct();
    const buyer = await createUser(db());
    const { conversationId } = await ask(buyer.id, product.id, "Hello");
    await setConversationBlock({ userId: sellerUser.id, conversationId, blocked: true });
    expect(await refusal(sendMessage({ userId: buyer.id, conversationId, message: { body: "Hello?" } }))).toMatchObject(
      {
        code: "conflict",
      },
    );
    expect(await refusal(sendMessage({ userId: sellerUser.id, conversationId, message: { body: "x" } }))).toMatchObject(
      {
        message: "You blocked this conversation. Unblock it to write again.",
      },
    );
    expect(await refusal(setConversationBlock({ userId: buyer.id, conversationId, blocked: false }))).toMatchObject({
      code: "forbidden",
    });
    await setConversationBlock({ userId: sellerUser.id, conversationId, blocked: false });
    await sendMessage({ userId: buyer.id, conversationId, message: { body: "Thanks" } });
    expect(await db().message.count({ where: { conversationId } })).toBe(2);
  });

  it("photos are the author's own processed message uploads", async () => {
    const { product } = await shopWithProduct();
    const buyer = await createUser(db());
    const other = await createUser(db());
    const photo = async (userId: string) =>
      db().upload.update({
        where: { id: (await createReadyUpload(db(), userId)).id },
        data: { purpose: "message_image" },
      });
    const mine = await photo(buyer.id);
    const theirs = await photo(other.id);
    expect(
      await refusal(
        startConversation({
          buyerId: buyer.id,
          topic: { kind: "product", productId: product.id },
          message: { body: "see", images: [theirs.id] },
        }),
      ),
    ).toMatchObject({ code: "validation_failed" });
    const { conversationId } = await startConversation({
      buyerId: buyer.id,
      topic: { kind: "product", productId: product.id },
      message: { body: "Like this one?", images: [mine.id] },
    });
    const view = await getConversation({ userId: buyer.id, conversationId });
    expect(view?.messages[0].images.map((i) => i.uploadId)).toEqual([mine.id]);
    expect(view?.messages[0].images[0].url).toContain(`images/${mine.id}/320.webp`);
  });
});
