import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { countryName } from "@/lib/shipping/country-name";

import { TaxRuleInput } from "./tax-rule-input";

const todayUtc = () => new Date().toISOString().slice(0, 10);
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * An admin adds a tax rule: a rate for a country (optionally one region, optionally one top-level
 * category) from a day on. A rule already running for the same country, region and category ends
 * the day the new one starts, so a rate change is one step and the old rate still explains the
 * orders charged with it. Refused, with nothing written: a start in the past (orders already
 * charged would no longer match the table), an unknown category, and a rule that would make a
 * country's taxes partly included in prices and partly added to them (buyers could not read a
 * price). Audited with what it replaced.
 */
export async function addTaxRule(opts: { adminId: string; input: unknown }) {
  const r = TaxRuleInput.safeParse(opts.input);
  if (!r.success) throw new AppError("validation_failed", r.error.issues[0]?.message ?? "Check the tax rule.");
  const rule = r.data;
  if (rule.validFrom < todayUtc())
    throw new AppError(
      "validation_failed",
      "A rule cannot start in the past: orders already charged keep their rate. Start it today or later.",
    );
  const from = asDate(rule.validFrom);

  return db().$transaction(async (tx) => {
    // One admin's change to a country at a time: the checks below read the country's rules.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tax_rules'), hashtext(${rule.country}))`;
    if (rule.category) {
      const category = await tx.category.findFirst({
        where: { slug: rule.category, parentId: null },
        select: { id: true },
      });
      if (!category)
        throw new AppError(
          "validation_failed",
          "Tax categories are top-level catalogue categories: choose one from the list.",
        );
    }
    const running = await tx.taxRule.findMany({
      where: { country: rule.country, OR: [{ validTo: null }, { validTo: { gt: from } }] },
      select: { id: true, region: true, category: true, inclusive: true, label: true, validFrom: true, rateBps: true },
    });
    const other = running.find((x) => x.inclusive !== rule.inclusive);
    if (other)
      throw new AppError(
        "validation_failed",
        `${countryName(rule.country)}'s ${other.label} is ${other.inclusive ? "included in prices" : "added to prices"}; ` +
          `a country's taxes must all be one or the other. End its other rules first.`,
      );
    const same = running.filter((x) => x.region === rule.region && x.category === rule.category);
    const startsLater = same.find((x) => dayOf(x.validFrom) >= rule.validFrom);
    if (startsLater)
      throw new AppError(
        "conflict",
        `A rule for this already starts on ${dayOf(startsLater.validFrom)}. End or replace that one instead.`,
      );
    for (const old of same) await tx.taxRule.update({ where: { id: old.id }, data: { validTo: from } });
    const created = await tx.taxRule.create({
      data: {
        country: rule.country,
        region: rule.region,
        category: rule.category,
        rateBps: rule.ratePercent,
        inclusive: rule.inclusive,
        label: rule.label,
        validFrom: from,
      },
    });
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "tax_rule.added",
      target: { type: "tax_rule", id: created.id },
      details: {
        country: rule.country,
        region: rule.region,
        category: rule.category,
        rateBps: rule.ratePercent,
        inclusive: rule.inclusive,
        label: rule.label,
        validFrom: rule.validFrom,
        replaced: same.map((x) => ({ id: x.id, rateBps: x.rateBps })),
      },
    });
    return created;
  });
}

/**
 * An admin ends a rule: it applies until the day before `validTo`. Refused for a day in the past
 * (what was charged stays explained), a day on or before the rule's start, or a rule already
 * ended earlier.
 */
export async function endTaxRule(opts: { adminId: string; ruleId: string; validTo: string }) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.validTo) || Number.isNaN(Date.parse(opts.validTo)))
    throw new AppError("validation_failed", "Give the end date as YYYY-MM-DD.");
  if (opts.validTo < todayUtc())
    throw new AppError("validation_failed", "A rule cannot end in the past: orders already charged keep their rate.");
  const to = asDate(opts.validTo);
  return db().$transaction(async (tx) => {
    const rule = await tx.taxRule.findUnique({ where: { id: opts.ruleId } });
    if (!rule) throw new AppError("not_found", "That tax rule no longer exists. Reload the page.");
    if (dayOf(rule.validFrom) >= opts.validTo)
      throw new AppError("validation_failed", `The rule starts on ${dayOf(rule.validFrom)}: end it after that day.`);
    if (rule.validTo && rule.validTo <= to)
      throw new AppError("conflict", `The rule already ends on ${dayOf(rule.validTo)}.`);
    const ended = await tx.taxRule.update({ where: { id: rule.id }, data: { validTo: to } });
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "tax_rule.ended",
      target: { type: "tax_rule", id: rule.id },
      details: { from: rule.validTo ? dayOf(rule.validTo) : null, to: opts.validTo },
    });
    return ended;
  });
}
