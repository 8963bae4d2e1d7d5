// A typed client for the emulator's control API, for the app's tests:
//   const control = new StripeEmulatorControl(emulator.url);
//   await control.triggerDispute(chargeId); await control.flushDeliveries();
import type Stripe from "stripe";

import type {
  TChaosSettings,
  TChaosSettingsInput,
  TDeliveryFilter,
  TFailPayoutInput,
  TTriggerDisputeInput,
} from "./control/schemas";
import type { Delivery } from "./lib/store";

export type { Delivery, DeliveryAttempt } from "./lib/store";
export type { TChaosSettingsInput as ChaosSettings } from "./control/schemas";

export interface EmulatorInfo {
  url: string;
  platformAccountId: string;
  now: number;
  clockOffset: number;
  chaos: TChaosSettings | null;
  pendingDeliveries: number;
}

export class StripeEmulatorControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Stripe emulator control API answered ${status}: ${JSON.stringify(body)}`);
  }
}

export class StripeEmulatorControl {
  private readonly base: string;

  /** `url` is the emulator's base URL (`StripeEmulator.url`). */
  constructor(url: string) {
    this.base = url.replace(/\/$/, "");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/_emulator${path}`, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new StripeEmulatorControlError(res.status, json);
    return json as T;
  }

  info(): Promise<EmulatorInfo> {
    return this.call("GET", "");
  }

  /** Forgets everything (payments, accounts, events, deliveries), turns chaos off, resets the clock. */
  async reset(): Promise<void> {
    await this.call("POST", "/reset");
  }

  /** Duplicated, delayed and reordered webhooks; API calls failing with 500s or never answering. */
  async enableChaos(settings: TChaosSettingsInput = {}): Promise<TChaosSettings> {
    return (await this.call<{ chaos: TChaosSettings }>("POST", "/chaos", settings)).chaos;
  }

  async disableChaos(): Promise<void> {
    await this.call("DELETE", "/chaos");
  }

  /** Moves the emulator's clock ahead; payouts whose arrival date passes are paid. */
  advanceClock(seconds: number): Promise<{ now: number; offset: number }> {
    return this.call("POST", "/clock/advance", { seconds });
  }

  /** The cardholder disputes a captured charge: `charge.dispute.created` follows. */
  triggerDispute(chargeId: string, opts: TTriggerDisputeInput = {}): Promise<Stripe.Dispute> {
    return this.call("POST", `/charges/${encodeURIComponent(chargeId)}/dispute`, opts);
  }

  /** The card network rules on a dispute; a won dispute returns the funds. */
  closeDispute(disputeId: string, status: "won" | "lost"): Promise<Stripe.Dispute> {
    return this.call("POST", `/disputes/${encodeURIComponent(disputeId)}/close`, { status });
  }

  /** The bank returns a pending or paid payout: `payout.failed`, and the money goes back. */
  failPayout(payoutId: string, opts: TFailPayoutInput = {}): Promise<Stripe.Payout> {
    return this.call("POST", `/payouts/${encodeURIComponent(payoutId)}/fail`, opts);
  }

  /** Pays pending payouts now, whatever their arrival date (of one connected account, or all). */
  async payPendingPayouts(account?: string): Promise<string[]> {
    return (await this.call<{ paid: string[] }>("POST", "/payouts/pay", account ? { account } : {})).paid;
  }

  /** What the seller clicking "Complete verification" on the hosted onboarding page does. */
  completeOnboarding(accountId: string): Promise<Stripe.Account> {
    return this.call("POST", `/accounts/${encodeURIComponent(accountId)}/complete_onboarding`);
  }

  /** Answers a `requires_action` PaymentIntent's 3D Secure challenge without a browser. */
  completeThreeDSecure(paymentIntentId: string, outcome: "complete" | "fail"): Promise<Stripe.PaymentIntent> {
    return this.call("POST", `/payment_intents/${encodeURIComponent(paymentIntentId)}/3ds`, { outcome });
  }

  /** Waits until every webhook delivery succeeded or gave up and no scheduled work is left. */
  flushDeliveries(opts: { timeoutMs?: number } = {}): Promise<{ settled: boolean; pending: number }> {
    return this.call("POST", "/deliveries/flush", opts);
  }

  async listDeliveries(filter: TDeliveryFilter = {}): Promise<Delivery[]> {
    const query = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    return (await this.call<{ data: Delivery[] }>("GET", `/deliveries${query ? `?${query}` : ""}`)).data;
  }
}
