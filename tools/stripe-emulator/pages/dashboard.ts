// The emulator's dashboard at `/`: what the app did to "Stripe" and what Stripe told the app.
import type { Emulator } from "../lib/emulator";
import { balanceOf } from "../lib/ledger";
import { payoutInterval } from "../resources/accounts";
import { html, money, page, statusBadge, time, type Html } from "./html";

const ROWS_SHOWN = 50;

function latest<T>(items: Record<string, T>): T[] {
  return Object.values(items).reverse().slice(0, ROWS_SHOWN);
}

function balances(emu: Emulator, account: string): Html {
  return html`${balanceOf(emu, account).available.map((b, i) => html`${i > 0 ? ", " : ""}${money(b.amount, b.currency)}`)}`;
}

function table(title: string, headings: string[], rows: Html[]): Html {
  return html`<h2>${title}</h2>
    ${
      rows.length === 0
        ? html`<p class="muted">None yet.</p>`
        : html`<table>
            <thead>
              <tr>
                ${headings.map((h) => html`<th scope="col">${h}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
    }`;
}

export function renderDashboard(emu: Emulator): string {
  const { state } = emu;
  const connected = Object.values(state.accounts).filter((a) => a.id !== state.platformAccountId);
  const body = html`<main>
    <h1>Stripe emulator</h1>
    <p>
      API at <code>${emu.baseUrl}</code> · clock ${time(emu.now())}
      UTC${state.clockOffset ? html` (+${state.clockOffset} s)` : ""} · chaos
      ${emu.chaos.settings ? html`<span class="badge bad">on</span>` : "off"} · platform
      <code>${state.platformAccountId}</code>, available ${balances(emu, state.platformAccountId)}
    </p>
    ${table(
      "Connected accounts",
      ["Account", "Email", "Type", "Details submitted", "Charges", "Payouts", "Payout schedule", "Available"],
      latest(Object.fromEntries(connected.map((a) => [a.id, a]))).map(
        (a) =>
          html`<tr>
            <td><code>${a.id}</code></td>
            <td>${a.email}</td>
            <td>${a.type}</td>
            <td>${String(a.details_submitted)}</td>
            <td>${statusBadge(a.charges_enabled ? "enabled" : "disabled")}</td>
            <td>${statusBadge(a.payouts_enabled ? "enabled" : "disabled")}</td>
            <td>${payoutInterval(a)}</td>
            <td>${balances(emu, a.id)}</td>
          </tr>`,
      ),
    )}
    ${table(
      "Payments",
      ["PaymentIntent", "Created", "Amount", "Status", "Charge", "Transfer group", "Last error"],
      latest(state.paymentIntents).map(
        (pi) =>
          html`<tr>
            <td><code>${pi.id}</code></td>
            <td>${time(pi.created)}</td>
            <td>${money(pi.amount, pi.currency)}</td>
            <td>${statusBadge(pi.status)}</td>
            <td><code>${pi.latest_charge as string | null}</code></td>
            <td>${pi.transfer_group}</td>
            <td>${pi.last_payment_error?.message}</td>
          </tr>`,
      ),
    )}
    ${table(
      "Refunds",
      ["Refund", "Created", "Charge", "Amount", "Status"],
      latest(state.refunds).map(
        (r) =>
          html`<tr>
            <td><code>${r.id}</code></td>
            <td>${time(r.created)}</td>
            <td><code>${r.charge as string}</code></td>
            <td>${money(r.amount, r.currency)}</td>
            <td>${statusBadge(r.status ?? "")}</td>
          </tr>`,
      ),
    )}
    ${table(
      "Transfers",
      ["Transfer", "Created", "Destination", "Amount", "Reversed", "Source charge", "Transfer group"],
      latest(state.transfers).map(
        (t) =>
          html`<tr>
            <td><code>${t.id}</code></td>
            <td>${time(t.created)}</td>
            <td><code>${t.destination as string}</code></td>
            <td>${money(t.amount, t.currency)}</td>
            <td>${t.amount_reversed ? money(t.amount_reversed, t.currency) : ""}</td>
            <td><code>${t.source_transaction as string | null}</code></td>
            <td>${t.transfer_group}</td>
          </tr>`,
      ),
    )}
    ${table(
      "Payouts",
      ["Payout", "Account", "Created", "Amount", "Status", "Arrival"],
      latest(state.payouts).map(
        (p) =>
          html`<tr>
            <td><code>${p.id}</code></td>
            <td><code>${emu.store.ownerOf(p.id)}</code></td>
            <td>${time(p.created)}</td>
            <td>${money(p.amount, p.currency)}</td>
            <td>
              ${statusBadge(p.status)}${p.failure_code ? html` <span class="muted">${p.failure_code}</span>` : ""}
            </td>
            <td>${time(p.arrival_date)}</td>
          </tr>`,
      ),
    )}
    ${table(
      "Disputes",
      ["Dispute", "Created", "Charge", "Amount", "Reason", "Status"],
      latest(state.disputes).map(
        (d) =>
          html`<tr>
            <td><code>${d.id}</code></td>
            <td>${time(d.created)}</td>
            <td><code>${d.charge as string}</code></td>
            <td>${money(d.amount, d.currency)}</td>
            <td>${d.reason}</td>
            <td>${statusBadge(d.status)}</td>
          </tr>`,
      ),
    )}
    ${table(
      "Webhook deliveries",
      ["Event", "Type", "Endpoint", "Copy", "Status", "Attempts (response codes)"],
      latest(state.deliveries).map(
        (d) =>
          html`<tr>
            <td><code>${d.eventId}</code></td>
            <td>${d.eventType}</td>
            <td><code>${d.url}</code></td>
            <td>${d.copy}</td>
            <td>${statusBadge(d.status)}</td>
            <td>
              ${d.attempts.map((a, i) => html`${i > 0 ? " · " : ""}<span title="${a.error ?? a.responseBody}">${a.status ?? "error"}</span>`)}
            </td>
          </tr>`,
      ),
    )}
  </main>`;
  return page("Stripe emulator", body);
}
