import { describe, expect, it } from "vitest";

import { openClaim } from "@/lib/claims/open-claim";
import { db } from "@/lib/db/client";
import { shippedOrder } from "@/test/payment-scenario";

import { autoConfirmDeliveries } from "./auto-confirm-deliveries";

const DAY = 86_400_000;
const never = { kind: "never_arrived" as const, description: "Nothing has come yet at all." };

describe("the delivery window promised at checkout", () => {
  it("a long window holds off the never-arrived claim and the automatic confirmation until it has passed", async () => {
    const o = await shippedOrder({ confirm: false });
    const placed = (await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).createdAt;
    // As if the shop promised 2-3 handling days and 10-27 in transit: due by the end of day 30.
    const latest = new Date(placed.getTime() + 30 * DAY);
    const deliveryLatest = new Date(latest.toISOString().slice(0, 10));
    await db().order.update({ where: { id: o.orderId }, data: { deliveryLatest } });

    await expect(
      openClaim({ buyerId: o.buyer.id, orderId: o.orderId, input: never, now: new Date(placed.getTime() + 8 * DAY) }),
    ).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining(`expected by ${deliveryLatest.toISOString().slice(0, 10)}`),
    });
    // 20 days after shipping is past the 14 days but within the window and its week of grace.
    await autoConfirmDeliveries({ now: new Date(placed.getTime() + 20 * DAY) });
    expect((await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("shipped");

    await autoConfirmDeliveries({ now: new Date(deliveryLatest.getTime() + 9 * DAY) });
    expect((await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("delivered");
  });

  it("an order due within 14 days is confirmed 14 days after shipping, as before", async () => {
    const o = await shippedOrder({ confirm: false });
    const order = await db().order.findUniqueOrThrow({ where: { id: o.orderId } });
    expect(order.deliveryLatest).not.toBeNull();
    await autoConfirmDeliveries({ now: new Date(order.shippedAt!.getTime() + 13 * DAY) });
    expect((await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("shipped");
    await autoConfirmDeliveries({ now: new Date(order.shippedAt!.getTime() + 14 * DAY + 1000) });
    expect((await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("delivered");
  });
});
