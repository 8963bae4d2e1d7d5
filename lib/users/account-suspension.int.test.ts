import { beforeAll, describe, expect, it } from "vitest";

import { getPublicProduct } from "@/lib/catalog/get-public-product";
import { db } from "@/lib/db/client";
import { createPostgresEngine } from "@/lib/search/engines/postgres-engine";
import { drainSearchOutboxFully } from "@/lib/search/indexing/drain-search-outbox";
import { ensureSearchBootstrapped } from "@/lib/search/indexing/ensure-search-bootstrapped";
import { invalidateCategoryLookup } from "@/lib/search/query/load-category-lookup";
import { endSessions } from "@/test/end-sessions";
import { createCategory, createProduct, createUser } from "@/test/factories";

import { authenticate } from "./authenticate";
import { hashPassword } from "./hash-password";
import { listAccounts, type TAccountQueryInput } from "./list-accounts";
import { setAccountSuspension } from "./set-account-suspension";

const engine = createPostgresEngine();
const inIndex = async (word: string) =>
  (
    await engine.query({
      text: word,
      groups: [[[word]]],
      fuzzy: false,
      filters: { attributes: {} },
      sort: "relevance",
      window: { kind: "recall", limit: 50 },
      facets: false,
    })
  ).candidates.map((c) => c.title);

let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
  invalidateCategoryLookup();
  await ensureSearchBootstrapped({ engine });
});

describe("suspending accounts", () => {
  it("a suspended seller can't sign in, their listings leave the storefront and search, and they are told why; reinstating brings it all back", async () => {
    const password = "Seller-pass-2026";
    const seller = await createUser(db(), { role: "seller", passwordHash: await hashPassword(password) });
    const profile = await db().sellerProfile.create({
      data: {
        userId: seller.id,
        shopName: "Quillon Forge",
        slug: `quillon-${seller.id.slice(0, 6)}`,
        chargesEnabled: true,
        payoutsEnabled: true,
      },
    });
    const categoryId = (await createCategory(db())).id;
    const p = await createProduct(db(), { sellerId: profile.id, categoryId, title: "Quillonite anvil" });
    await drainSearchOutboxFully({ engine });
    await db()
      .$executeRaw`INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload) VALUES ('product', ${p.id}, 'product.updated', '{}')`;
    await drainSearchOutboxFully({ engine });
    expect(await inIndex("quillonite")).toEqual(["Quillonite anvil"]);
    expect(await authenticate({ email: seller.email, password, ip: "203.0.113.7" })).not.toBeNull();

    await expect(
      setAccountSuspension({ userId: seller.id, adminId, endSessions, suspend: true, reason: "bad" }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await db().user.findUniqueOrThrow({ where: { id: seller.id } })).status).toBe("active");

    expect(
      await setAccountSuspension({
        userId: seller.id,
        adminId,
        endSessions,
        suspend: true,
        reason: "Counterfeit goods reported by three buyers",
      }),
    ).toEqual({ status: "suspended", sellerId: profile.id, changed: true });
    expect(
      await setAccountSuspension({
        userId: seller.id,
        adminId,
        endSessions,
        suspend: true,
        reason: "Counterfeit goods reported by three buyers",
      }),
    ).toMatchObject({ changed: false });
    expect((await db().sellerProfile.findUniqueOrThrow({ where: { id: profile.id } })).status).toBe("suspended");
    await expect(authenticate({ email: seller.email, password, ip: "203.0.113.7" })).rejects.toMatchObject({
      status: 403,
      message: "This account is suspended. Contact support.",
    });
    expect(await getPublicProduct(p.id)).toBeNull();
    await drainSearchOutboxFully({ engine });
    expect(await inIndex("quillonite")).toEqual([]);
    const emails = await db().notification.findMany({
      where: { toAddress: seller.email, template: { startsWith: "account-" } },
    });
    expect(emails.map((e) => e.subject)).toEqual(["Your marketplace account is suspended"]);
    expect(emails[0].body).toContain('your shop "Quillon Forge": Counterfeit goods reported by three buyers');

    const listed = await listAccounts({ q: "quillon", status: "suspended" });
    expect(listed.rows.map((r) => [r.email, r.shopName, r.status, r.lastCase?.resolution])).toEqual([
      [seller.email, "Quillon Forge", "suspended", "Counterfeit goods reported by three buyers"],
    ]);

    await setAccountSuspension({ userId: seller.id, adminId, endSessions, suspend: false });
    expect(await authenticate({ email: seller.email, password, ip: "203.0.113.7" })).not.toBeNull();
    expect(await getPublicProduct(p.id)).not.toBeNull();
    await drainSearchOutboxFully({ engine });
    expect(await inIndex("quillonite")).toEqual(["Quillonite anvil"]);
    expect((await listAccounts({ q: "quillon" })).rows[0]).toMatchObject({
      status: "active",
      lastCase: { status: "approved", resolution: "Reinstated" },
    });
  });

  it("admins can't be suspended here, nor can an admin suspend themself; unknown accounts are a 404", async () => {
    const other = await createUser(db(), { role: "admin" });
    await expect(
      setAccountSuspension({ userId: other.id, adminId, endSessions, suspend: true, reason: "Testing the guard" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      setAccountSuspension({ userId: adminId, endSessions, adminId, suspend: true, reason: "Testing the guard" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      setAccountSuspension({
        userId: "00000000-0000-4000-8000-000000000000",
        adminId,
        endSessions,
        suspend: true,
        reason: "Testing the guard",
      }),
    ).rejects.toMatchObject({ status: 404 });
    const buyer = await createUser(db());
    expect(
      await setAccountSuspension({ userId: buyer.id, adminId, endSessions, suspend: true, reason: "Chargeback abuse" }),
    ).toEqual({ status: "suspended", sellerId: null, changed: true });
    expect(await db().moderationCase.findFirst({ where: { subjectType: "user", subjectId: buyer.id } })).toMatchObject({
      status: "suspended",
      resolvedById: adminId,
    });
    expect((await listAccounts({ role: "admin", q: other.email })).rows.map((r) => r.id)).toEqual([other.id]);
    expect((await listAccounts({ role: "nonsense", page: "x" } as unknown as TAccountQueryInput)).query).toMatchObject({
      role: undefined,
      page: 1,
    });
  });
});
