"use server";

import { revalidatePath } from "next/cache";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { addTaxRule, endTaxRule } from "@/lib/tax/add-tax-rule";

export type TaxRuleFormState = { error?: string; message?: string };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

export const addTaxRuleAction = serverAction(
  { access: "admin", args: [ARG.unread, ARG.form] },
  async ({ user }, _prev: TaxRuleFormState, form: FormData): Promise<TaxRuleFormState> => {
    const how = text(form, "inclusive");
    const rule = await addTaxRule({
      adminId: user.id,
      input: {
        country: text(form, "country"),
        region: text(form, "region"),
        category: text(form, "category"),
        ratePercent: text(form, "ratePercent"),
        inclusive: how === "included" ? true : how === "added" ? false : undefined,
        label: text(form, "label"),
        validFrom: text(form, "validFrom"),
      },
    });
    revalidatePath("/admin/tax");
    const where = [rule.country, rule.region].filter(Boolean).join("-");
    return {
      message: `${rule.label} ${(rule.rateBps / 100).toFixed(2)}% for ${where}${rule.category ? ` (${rule.category})` : ""} from ${rule.validFrom.toISOString().slice(0, 10)}.`,
    };
  },
);

export const endTaxRuleAction = serverAction(
  { access: "admin", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, ruleId: string, _prev: TaxRuleFormState, form: FormData): Promise<TaxRuleFormState> => {
    const validTo = text(form, "validTo") ?? "";
    await endTaxRule({ adminId: user.id, ruleId, validTo });
    revalidatePath("/admin/tax");
    return { message: `Ends ${validTo}: it applies until the day before.` };
  },
);
