// Where a login link (`POST /v1/accounts/:id/login_links`) leads: the connected account's
// balance and payouts, a small stand-in for Stripe's Express dashboard.
import type { Emulator } from "../lib/emulator";
import { balanceOf } from "../lib/ledger";
import { html, money, page, statusBadge, time } from "./html";
import type { PageResult } from "./onboarding";

export function expressDashboardPage(emu: Emulator, accountId: string): PageResult {
  const account = emu.state.accounts[accountId];
  if (!account || accountId === emu.state.platformAccountId) {
    return { status: 404, html: page("Not found", html`<div class="card"><h1>No such account.</h1></div>`) };
  }
  const payouts = Object.values(emu.state.payouts)
    .filter((p) => emu.store.ownerOf(p.id) === accountId)
    .reverse();
  return {
    status: 200,
    html: page(
      "Express dashboard",
      html`<main>
        <h1>Express dashboard (Stripe emulator)</h1>
        <p>Account <code>${account.id}</code>${account.email ? html` · ${account.email}` : ""}</p>
        <p>
          Available:
          ${balanceOf(emu, accountId).available.map((b, i) => html`${i > 0 ? ", " : ""}${money(b.amount, b.currency)}`)}
        </p>
        <h2>Payouts</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Payout</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Arrival</th>
            </tr>
          </thead>
          <tbody>
            ${payouts.map(
              (p) =>
                html`<tr>
                  <td><code>${p.id}</code></td>
                  <td>${money(p.amount, p.currency)}</td>
                  <td>${statusBadge(p.status)}</td>
                  <td>${time(p.arrival_date)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </main>`,
    ),
  };
}
