// Connected accounts (Express by default). A new account cannot take transfers or pay out
// until its owner completes the hosted onboarding (an Account Link) or a test calls
// `completeOnboarding`: then its flags flip and `account.updated` is emitted. Its payout
// schedule (`settings.payouts.schedule`) is daily by default, as on Stripe: the scheduler then
// pays its whole available balance out by itself each day; "manual" leaves payouts to the
// platform's own calls.
import type Stripe from "stripe";

import type { Emulator } from "../lib/emulator";
import { paramError } from "../lib/errors";
import { newId } from "../lib/ids";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata, type Params } from "../lib/params";
import { route, type RequestContext } from "../lib/router";

const ONBOARDING_FIELDS = [
  "business_profile.mcc",
  "business_profile.url",
  "business_type",
  "external_account",
  "representative.dob.day",
  "representative.dob.month",
  "representative.dob.year",
  "representative.email",
  "representative.first_name",
  "representative.last_name",
  "tos_acceptance.date",
  "tos_acceptance.ip",
];

const ACCOUNT_TYPES = ["express", "standard", "custom"] as const;
export const PAYOUT_INTERVALS = ["manual", "daily", "weekly", "monthly"] as const;
export type PayoutInterval = (typeof PAYOUT_INTERVALS)[number];
const DEFAULT_DELAY_DAYS = 2;
const BUSINESS_TYPES = ["individual", "company", "non_profit", "government_entity"] as const;
const BUSINESS_PROFILE_FIELDS = [
  "name",
  "url",
  "mcc",
  "product_description",
  "support_email",
  "support_phone",
  "support_url",
] as const;

function requirements(due: string[]): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: due.length > 0 ? "requirements.past_due" : null,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  };
}

export function newPlatformAccount(id: string, now: number): Stripe.Account {
  return {
    id,
    object: "account",
    business_profile: { name: "Marketplace platform (Stripe emulator)" } as Stripe.Account.BusinessProfile,
    business_type: "company",
    charges_enabled: true,
    country: "US",
    created: now,
    default_currency: "usd",
    details_submitted: true,
    email: null,
    metadata: {},
    payouts_enabled: true,
    requirements: requirements([]),
    type: "standard",
  };
}

export function connectedAccount(emu: Emulator, id: string, param = "id"): Stripe.Account {
  const account = getOr404(emu.state.accounts, id, "account", param);
  if (id === emu.state.platformAccountId) throw paramError("The platform account is not a connected account.", param);
  return account;
}

/** Onboarding done: what Stripe shows once an Express account has submitted everything. */
export function completeOnboarding(emu: Emulator, accountId: string): Stripe.Account {
  const account = connectedAccount(emu, accountId);
  if (account.details_submitted && account.charges_enabled && account.payouts_enabled) return account;
  const previous = {
    charges_enabled: account.charges_enabled,
    payouts_enabled: account.payouts_enabled,
    details_submitted: account.details_submitted,
    capabilities: structuredClone(account.capabilities),
    requirements: structuredClone(account.requirements),
  };
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.details_submitted = true;
  account.requirements = requirements([]);
  account.future_requirements = requirements([]) as Stripe.Account.FutureRequirements;
  account.capabilities = Object.fromEntries(Object.keys(account.capabilities ?? {}).map((name) => [name, "active"]));
  emu.emit("account.updated", account, { account: account.id, previousAttributes: previous });
  return account;
}

interface AccountInput {
  type?: (typeof ACCOUNT_TYPES)[number];
  country?: string;
  email?: string;
  businessType?: (typeof BUSINESS_TYPES)[number] | "";
  businessProfile?: Record<string, string>;
  capabilities?: string[];
  defaultCurrency?: string;
  payoutSchedule?: { interval?: PayoutInterval; delayDays?: number };
  metadata?: ReturnType<Params["metadata"]>;
}

function newSettings(): Stripe.Account.Settings {
  return {
    payouts: {
      debit_negative_balances: true,
      schedule: { delay_days: DEFAULT_DELAY_DAYS, interval: "daily" },
      statement_descriptor: null,
    },
  } as unknown as Stripe.Account.Settings;
}

/** An account's payout schedule interval ("daily" for accounts from before schedules were kept). */
export function payoutInterval(account: Stripe.Account): PayoutInterval {
  return (account.settings?.payouts?.schedule?.interval as PayoutInterval | undefined) ?? "daily";
}

function readAccountInput(p: Params, creating: boolean): AccountInput {
  const input: AccountInput = {
    type: creating ? p.oneOf("type", ACCOUNT_TYPES) : undefined,
    country: creating ? p.string("country", { maxLength: 2 }) : undefined,
    email: p.string("email"),
    businessType: p.oneOf("business_type", BUSINESS_TYPES),
    defaultCurrency: p.string("default_currency")?.toLowerCase(),
    metadata: p.metadata(),
  };
  const profile = p.object("business_profile");
  if (profile) {
    input.businessProfile = {};
    for (const field of BUSINESS_PROFILE_FIELDS) {
      const value = profile.string(field);
      if (value !== undefined) input.businessProfile[field] = value;
    }
    profile.ignore(
      "support_address",
      "annual_revenue",
      "estimated_worker_count",
      "monthly_estimated_revenue",
      "minority_owned_business_designation",
    );
  }
  const capabilities = p.object("capabilities");
  if (capabilities) {
    input.capabilities = [];
    for (const name of ["card_payments", "transfers"]) {
      const requested = capabilities.object(name)?.bool("requested");
      if (requested) input.capabilities.push(name);
    }
  }
  const settings = p.object("settings");
  if (settings) {
    const payouts = settings.object("payouts");
    const schedule = payouts?.object("schedule");
    if (schedule) {
      const delay =
        schedule.has("delay_days") && schedule.string("delay_days") === "minimum"
          ? DEFAULT_DELAY_DAYS
          : schedule.int("delay_days", { min: 0, max: 365 });
      input.payoutSchedule = { interval: schedule.oneOf("interval", PAYOUT_INTERVALS), delayDays: delay };
      schedule.ignore("weekly_anchor", "monthly_anchor", "weekly_payout_days");
    }
    payouts?.ignore("debit_negative_balances", "statement_descriptor");
    settings.ignore(
      "branding",
      "card_issuing",
      "card_payments",
      "invoices",
      "payments",
      "treasury",
      "bacs_debit_payments",
    );
  }
  // Identity and bank details are collected by the hosted onboarding page instead.
  p.ignore(
    "controller",
    "tos_acceptance",
    "individual",
    "company",
    "external_account",
    "documents",
    "account_token",
    "groups",
  );
  return input;
}

function applyProfile(account: Stripe.Account, input: AccountInput): void {
  if (input.email !== undefined) account.email = input.email || null;
  if (input.businessType !== undefined) account.business_type = input.businessType || null;
  if (input.defaultCurrency) account.default_currency = input.defaultCurrency;
  if (input.businessProfile)
    account.business_profile = {
      ...account.business_profile,
      ...input.businessProfile,
    } as Stripe.Account.BusinessProfile;
  if (input.capabilities) {
    const status = account.charges_enabled ? "active" : "inactive";
    account.capabilities = {
      ...account.capabilities,
      ...Object.fromEntries(input.capabilities.map((name) => [name, status])),
    };
  }
  if (input.payoutSchedule) {
    account.settings ??= newSettings();
    const schedule = account.settings.payouts!.schedule;
    if (input.payoutSchedule.interval) schedule.interval = input.payoutSchedule.interval;
    if (input.payoutSchedule.delayDays !== undefined) schedule.delay_days = input.payoutSchedule.delayDays;
  }
  account.metadata = applyMetadata(account.metadata ?? {}, input.metadata);
}

function currentAccount(ctx: RequestContext): Stripe.Account {
  return ctx.emu.state.accounts[ctx.account];
}

export const accountRoutes = [
  route({
    method: "POST",
    path: "/v1/accounts",
    parse: (p) => readAccountInput(p, true),
    run: (input, { emu }) => {
      const account: Stripe.Account = {
        id: newId("acct"),
        object: "account",
        business_profile: null,
        business_type: null,
        // Express accounts need the transfers capability to receive a platform's transfers.
        capabilities: { card_payments: "inactive", transfers: "inactive" },
        charges_enabled: false,
        country: input.country?.toUpperCase() ?? "US",
        created: emu.now(),
        default_currency: "usd",
        details_submitted: false,
        email: null,
        external_accounts: { object: "list", data: [], has_more: false, url: "" },
        future_requirements: requirements([]) as Stripe.Account.FutureRequirements,
        metadata: {},
        payouts_enabled: false,
        requirements: requirements(ONBOARDING_FIELDS),
        settings: newSettings(),
        type: input.type ?? "express",
      };
      account.external_accounts = {
        object: "list",
        data: [],
        has_more: false,
        url: `/v1/accounts/${account.id}/external_accounts`,
      };
      applyProfile(account, input);
      emu.state.accounts[account.id] = account;
      return account;
    },
  }),
  route({
    method: "GET",
    path: "/v1/accounts",
    parse: (p) => readListQuery(p),
    run: (query, { emu }) =>
      paginate(
        Object.values(emu.state.accounts).filter((a) => a.id !== emu.state.platformAccountId),
        query,
        "/v1/accounts",
      ),
  }),
  route({
    method: "GET",
    path: "/v1/accounts/:id",
    parse: () => null,
    run: (_, { emu, path }) => getOr404(emu.state.accounts, path.id, "account"),
  }),
  route({
    method: "GET",
    path: "/v1/account",
    connect: true,
    parse: () => null,
    run: (_, ctx) => currentAccount(ctx),
  }),
  route({
    method: "POST",
    path: "/v1/accounts/:id",
    parse: (p) => readAccountInput(p, false),
    run: (input, { emu, path }) => {
      const account = connectedAccount(emu, path.id);
      const before = structuredClone(account) as unknown as Record<string, unknown>;
      applyProfile(account, input);
      const previous = Object.fromEntries(
        Object.entries(before).filter(
          ([key, value]) =>
            JSON.stringify(value) !== JSON.stringify((account as unknown as Record<string, unknown>)[key]),
        ),
      );
      if (Object.keys(previous).length > 0)
        emu.emit("account.updated", account, { account: account.id, previousAttributes: previous });
      return account;
    },
  }),
  route({
    method: "DELETE",
    path: "/v1/accounts/:id",
    parse: () => null,
    run: (_, { emu, path }) => {
      connectedAccount(emu, path.id);
      delete emu.state.accounts[path.id];
      return { id: path.id, object: "account", deleted: true };
    },
  }),
  route({
    method: "POST",
    path: "/v1/accounts/:id/login_links",
    parse: () => null,
    run: (_, { emu, path }): Stripe.LoginLink => {
      const account = connectedAccount(emu, path.id);
      if (!account.details_submitted)
        throw paramError("Cannot create a login link for an account that has not completed onboarding.", "account");
      return { object: "login_link", created: emu.now(), url: `${emu.baseUrl}/connect/express/${account.id}` };
    },
  }),
];
