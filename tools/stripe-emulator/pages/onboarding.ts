// The hosted onboarding page an Account Link points to. "Complete verification" does what a
// seller finishing Stripe's onboarding does (the account's flags flip, `account.updated` is
// emitted) and returns to `return_url`; a used or expired link goes to `refresh_url`, as on Stripe.
import type { Emulator } from "../lib/emulator";
import { completeOnboarding } from "../resources/accounts";
import { html, page } from "./html";

export type PageResult = { status: number; html: string } | { redirect: string };

function invalid(): PageResult {
  return {
    status: 404,
    html: page("Link not found", html`<div class="card"><h1>This onboarding link is not valid.</h1></div>`),
  };
}

export function onboardingPage(emu: Emulator, token: string): PageResult {
  const link = emu.state.accountLinks[token];
  if (!link) return invalid();
  if (link.used || link.expires_at < emu.now()) return { redirect: link.refresh_url };
  const account = emu.state.accounts[link.account];
  if (!account) return invalid();
  return {
    status: 200,
    html: page(
      "Set up payouts",
      html`<div class="card">
        <h1>Set up payouts for your store</h1>
        <p class="muted">Test mode — the Stripe emulator's stand-in for Stripe's hosted onboarding.</p>
        <p>Account <code>${account.id}</code>${account.email ? html` (${account.email})` : ""}</p>
        <form method="post">
          <button type="submit" name="action" value="complete">Complete verification</button>
          <button type="submit" name="action" value="later" class="secondary">Save and finish later</button>
        </form>
      </div>`,
    ),
  };
}

export function submitOnboarding(emu: Emulator, token: string, form: URLSearchParams): PageResult {
  const link = emu.state.accountLinks[token];
  if (!link) return invalid();
  if (link.used || link.expires_at < emu.now()) return { redirect: link.refresh_url };
  link.used = true;
  if (form.get("action") === "complete") completeOnboarding(emu, link.account);
  emu.store.changed();
  return { redirect: link.return_url };
}
