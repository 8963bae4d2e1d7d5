// The control API for tests and the dashboard (`/_emulator/...`, JSON in and out): things only
// Stripe or the world outside can make happen — time passing, a cardholder disputing, a bank
// returning a payout — plus chaos mode, reset, and waiting for webhook deliveries to settle.
import { setTimeout as sleep } from "node:timers/promises";

import { z } from "zod";

import type { Emulator } from "../lib/emulator";
import { StripeError } from "../lib/errors";
import { completeOnboarding } from "../resources/accounts";
import { closeDispute, createDispute } from "../resources/disputes";
import { completeAuthentication, getPaymentIntent } from "../resources/payment-intents";
import { failPayout, payPendingPayouts } from "../resources/payouts";
import {
  ZAdvanceClock,
  ZChaosSettings,
  ZCloseDispute,
  ZDeliveryFilter,
  ZFailPayout,
  ZFlush,
  ZPayPayouts,
  ZThreeDSecure,
  ZTriggerDispute,
} from "./schemas";

export interface ControlResult {
  status: number;
  body: unknown;
}

const FLUSH_POLL_MS = 10;

type Handler = (emu: Emulator, body: unknown, params: Record<string, string>, query: URLSearchParams) => unknown;

const ROUTES: { method: string; pattern: RegExp; handler: Handler }[] = [];

function on(method: string, path: string, handler: Handler): void {
  ROUTES.push({ method, pattern: new RegExp(`^${path.replace(/:([a-z]+)/g, "(?<$1>[^/]+)")}$`), handler });
}

function info(emu: Emulator) {
  return {
    url: emu.baseUrl,
    platformAccountId: emu.state.platformAccountId,
    now: emu.now(),
    clockOffset: emu.state.clockOffset,
    chaos: emu.chaos.settings,
    pendingDeliveries: emu.webhooks.pendingCount(),
  };
}

on("GET", "/_emulator", (emu) => info(emu));

on("POST", "/_emulator/reset", async (emu) => {
  await emu.reset();
  return info(emu);
});

on("GET", "/_emulator/chaos", (emu) => ({ chaos: emu.chaos.settings }));
on("POST", "/_emulator/chaos", (emu, body) => {
  emu.chaos.enable(ZChaosSettings.parse(body ?? {}));
  return { chaos: emu.chaos.settings };
});
on("DELETE", "/_emulator/chaos", (emu) => {
  emu.chaos.disable();
  return { chaos: null };
});

on("GET", "/_emulator/clock", (emu) => ({ now: emu.now(), offset: emu.state.clockOffset }));
on("POST", "/_emulator/clock/advance", (emu, body) => {
  emu.state.clockOffset += ZAdvanceClock.parse(body).seconds;
  // What became due at the new time (payouts arriving) happens before this answers.
  emu.tick();
  return { now: emu.now(), offset: emu.state.clockOffset };
});

on("POST", "/_emulator/charges/:id/dispute", (emu, body, { id }) =>
  createDispute(emu, id, ZTriggerDispute.parse(body ?? {}).reason),
);
on("POST", "/_emulator/disputes/:id/close", (emu, body, { id }) =>
  closeDispute(emu, id, ZCloseDispute.parse(body).status),
);
on("POST", "/_emulator/payouts/:id/fail", (emu, body, { id }) =>
  failPayout(emu, id, ZFailPayout.parse(body ?? {}).failureCode),
);
on("POST", "/_emulator/payouts/pay", (emu, body) => ({
  paid: payPendingPayouts(emu, ZPayPayouts.parse(body ?? {}).account),
}));
on("POST", "/_emulator/accounts/:id/complete_onboarding", (emu, _body, { id }) => completeOnboarding(emu, id));
on("POST", "/_emulator/payment_intents/:id/3ds", (emu, body, { id }) => {
  const pi = getPaymentIntent(emu, id, "id");
  completeAuthentication(emu, pi, ZThreeDSecure.parse(body).outcome === "complete");
  return pi;
});

on("GET", "/_emulator/deliveries", (emu, _body, _params, query) => {
  const filter = ZDeliveryFilter.parse(Object.fromEntries(query));
  return {
    data: Object.values(emu.state.deliveries).filter(
      (d) =>
        (filter.status === undefined || d.status === filter.status) &&
        (filter.eventType === undefined || d.eventType === filter.eventType) &&
        (filter.eventId === undefined || d.eventId === filter.eventId),
    ),
  };
});

/** Waits until every delivery has succeeded or given up and no scheduled work is left. */
on("POST", "/_emulator/deliveries/flush", async (emu, body) => {
  const deadline = Date.now() + ZFlush.parse(body ?? {}).timeoutMs;
  while (!emu.settled() && Date.now() < deadline) {
    emu.tick();
    await sleep(FLUSH_POLL_MS);
  }
  return { settled: emu.settled(), pending: emu.webhooks.pendingCount() };
});

export async function handleControl(
  emu: Emulator,
  method: string,
  pathname: string,
  rawBody: string,
  query: URLSearchParams,
): Promise<ControlResult> {
  const path = pathname.replace(/\/$/, "");
  const route = ROUTES.find((r) => r.method === method && r.pattern.test(path));
  if (!route)
    return {
      status: 404,
      body: { error: { type: "invalid_request_error", message: `No control route ${method} ${path}` } },
    };
  const params = route.pattern.exec(path)?.groups ?? {};
  try {
    const body: unknown = rawBody ? JSON.parse(rawBody) : undefined;
    const result = await route.handler(emu, body, params, query);
    emu.store.changed();
    return { status: 200, body: result };
  } catch (err) {
    if (err instanceof StripeError) return { status: err.status, body: { error: err.body } };
    if (err instanceof z.ZodError)
      return { status: 400, body: { error: { type: "invalid_request_error", message: z.prettifyError(err) } } };
    if (err instanceof SyntaxError)
      return {
        status: 400,
        body: { error: { type: "invalid_request_error", message: `Invalid JSON: ${err.message}` } },
      };
    throw err;
  }
}
