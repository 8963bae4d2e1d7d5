import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createUser } from "@/test/factories";

import { addTaxRule, endTaxRule } from "./add-tax-rule";
import { findTaxRules } from "./find-tax-rules";
import { pickTaxRule } from "./rules-tax-engine";

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function refusal(p: Promise<unknown>) {
  const err = await p.catch((e: unknown) => e);
  if (!isAppError(err)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}

const norway = { country: "no", ratePercent: "25", inclusive: true, label: "MVA", validFrom: today() };

describe("admins edit the tax rules", () => {
  it("adds a rule the engine then charges, and a later change ends the old rate the day the new one starts", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const first = await addTaxRule({ adminId: admin.id, input: norway });
    expect(first).toMatchObject({ country: "NO", region: null, category: null, rateBps: 2500, inclusive: true });
    expect(pickTaxRule(await findTaxRules("NO"), { country: "NO" }, "toys", new Date())?.rateBps).toBe(2500);

    const next = await addTaxRule({
      adminId: admin.id,
      input: { ...norway, ratePercent: "24.75", validFrom: inDays(10) },
    });
    expect(next.rateBps).toBe(2475);
    const rules = await findTaxRules("NO");
    expect(rules).toHaveLength(2);
    // Today the old rate still applies; from the new rule's day on, the new one.
    expect(pickTaxRule(rules, { country: "NO" }, null, new Date())?.rateBps).toBe(2500);
    expect(pickTaxRule(rules, { country: "NO" }, null, new Date(`${inDays(10)}T12:00:00Z`))?.rateBps).toBe(2475);
    expect(
      (await db().taxRule.findUniqueOrThrow({ where: { id: first.id } })).validTo?.toISOString().slice(0, 10),
    ).toBe(inDays(10));
    const audit = await db().auditEvent.findMany({
      where: { targetType: "tax_rule", targetId: { in: [first.id, next.id] } },
      orderBy: { occurredAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["tax_rule.added", "tax_rule.added"]);
    expect(audit[1].details).toMatchObject({ rateBps: 2475, replaced: [{ id: first.id, rateBps: 2500 }] });

    // Ending the new rule before it starts is refused; ending it later is allowed and audited.
    await expect(
      refusal(endTaxRule({ adminId: admin.id, ruleId: next.id, validTo: inDays(5) })),
    ).resolves.toMatchObject({
      status: 400,
    });
    await endTaxRule({ adminId: admin.id, ruleId: next.id, validTo: inDays(40) });
    expect(
      pickTaxRule(await findTaxRules("NO"), { country: "NO" }, null, new Date(`${inDays(41)}T00:00:00Z`)),
    ).toBeNull();
    await expect(
      refusal(endTaxRule({ adminId: admin.id, ruleId: next.id, validTo: inDays(60) })),
    ).resolves.toMatchObject({ status: 409 });
  });

  it("a region's and a category's own rules sit beside the country's", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const books = await db().category.upsert({
      where: { slug: "books" },
      create: { name: "Books", slug: "books", path: "books" },
      update: {},
    });
    await addTaxRule({
      adminId: admin.id,
      input: { country: "CH", ratePercent: "8.1", inclusive: true, label: "MWST", validFrom: today() },
    });
    await addTaxRule({
      adminId: admin.id,
      input: {
        country: "CH",
        category: books.slug,
        ratePercent: "2.6",
        inclusive: true,
        label: "MWST",
        validFrom: today(),
      },
    });
    const rules = await findTaxRules("CH");
    expect(pickTaxRule(rules, { country: "CH" }, "books", new Date())?.rateBps).toBe(260);
    expect(pickTaxRule(rules, { country: "CH" }, "toys", new Date())?.rateBps).toBe(810);
  });

  it("refuses bad rules with a message and writes nothing", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const before = await db().taxRule.count();
    const auditBefore = await db().auditEvent.count({ where: { targetType: "tax_rule" } });
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ ...norway, country: "XX" }, /not a country code/],
      [{ ...norway, country: "Norway" }, /two-letter code/],
      [{ ...norway, ratePercent: "-5" }, /not negative/],
      [{ ...norway, ratePercent: "101" }, /more than 100%/],
      [{ ...norway, ratePercent: "7.125" }, /two decimals/],
      [{ ...norway, ratePercent: "abc" }, /in percent/],
      [{ ...norway, label: "" }, /Name the tax/],
      [{ ...norway, inclusive: undefined }, /included in prices or added/],
      [{ ...norway, validFrom: "2020-01-01" }, /cannot start in the past/],
      [{ ...norway, validFrom: "soon" }, /YYYY-MM-DD/],
      [{ ...norway, region: "New York" }, /region as its code/],
      [{ ...norway, category: "no-such-category" }, /top-level catalogue categories/],
      // The US's sales tax is added to prices; a rule included in them would mix the two.
      [{ ...norway, country: "US", region: "OR", label: "VAT" }, /must all be one or the other/],
    ];
    for (const [input, message] of bad) {
      const err = await refusal(addTaxRule({ adminId: admin.id, input }));
      expect(err.status, JSON.stringify(input)).toBe(400);
      expect(err.message).toMatch(message);
    }
    // The same rule twice on the same day: the second is a conflict.
    await addTaxRule({ adminId: admin.id, input: { ...norway, country: "IS", label: "VSK", ratePercent: "24" } });
    const dup = await refusal(
      addTaxRule({ adminId: admin.id, input: { ...norway, country: "IS", label: "VSK", ratePercent: "11" } }),
    );
    expect(dup.status).toBe(409);
    expect(await db().taxRule.count()).toBe(before + 1);
    expect(await db().auditEvent.count({ where: { targetType: "tax_rule" } })).toBe(auditBefore + 1);
    await expect(
      refusal(endTaxRule({ adminId: admin.id, ruleId: "00000000-0000-4000-8000-000000000000", validTo: today() })),
    ).resolves.toMatchObject({ status: 404 });
  });
});
