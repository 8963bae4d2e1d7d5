import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";

import { becomeSeller } from "./become-seller";

const opts = { appUrl: "http://localhost:3000" };

describe("becomeSeller", () => {
  it("turns a buyer into a seller with a shop and a welcome email", async () => {
    const user = await createUser(db());
    const slug = `ada-${user.id.slice(0, 6)}`;
    const { sellerId } = await becomeSeller(user.id, { shopName: "Ada's Workshop", slug }, opts);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, include: { sellerProfile: true } });
    expect(after.role).toBe("seller");
    expect(after.sellerProfile).toMatchObject({
      id: sellerId,
      shopName: "Ada's Workshop",
      slug,
      chargesEnabled: false,
    });
    expect(await db().notification.count({ where: { userId: user.id, template: "seller-welcome" } })).toBe(1);
  });

  it("keeps an admin an admin", async () => {
    const admin = await createUser(db(), { role: "admin" });
    await becomeSeller(admin.id, { shopName: "Admin Shop", slug: `admin-shop-${admin.id.slice(0, 6)}` }, opts);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("refuses a taken or malformed shop address and a second shop, changing nothing", async () => {
    const a = await createUser(db());
    const b = await createUser(db());
    const slug = `taken-${a.id.slice(0, 6)}`;
    await becomeSeller(a.id, { shopName: "First", slug }, opts);
    await expect(becomeSeller(b.id, { shopName: "Second", slug }, opts)).rejects.toMatchObject({
      status: 409,
      message: `The shop address "${slug}" is taken. Choose another.`,
    });
    await expect(becomeSeller(b.id, { shopName: "Second", slug: "Bad Slug!" }, opts)).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      becomeSeller(a.id, { shopName: "Again", slug: `again-${a.id.slice(0, 6)}` }, opts),
    ).rejects.toMatchObject({ status: 409, message: "You already have a shop." });
    expect((await db().user.findUniqueOrThrow({ where: { id: b.id } })).role).toBe("buyer");
    expect(await db().sellerProfile.count({ where: { userId: b.id } })).toBe(0);
  });
});
