// The HTTP front: `/v1/*` is Stripe's API, `/_emulator/*` the control API, `/v3/stripe.js` the
// Stripe.js stand-in, and the rest the hosted pages (dashboard, onboarding, 3D Secure).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import { handleControl } from "../control/routes";
import { renderDashboard } from "../pages/dashboard";
import { expressDashboardPage } from "../pages/express-dashboard";
import { onboardingPage, submitOnboarding, type PageResult } from "../pages/onboarding";
import { challengePage, submitChallenge } from "../pages/three-d-secure";
import { accountLinkRoutes } from "../resources/account-links";
import { accountRoutes } from "../resources/accounts";
import { balanceRoutes } from "../resources/balance";
import { chargeRoutes } from "../resources/charges";
import { customerRoutes } from "../resources/customers";
import { disputeRoutes } from "../resources/disputes";
import { eventRoutes } from "../resources/events";
import { paymentIntentRoutes } from "../resources/payment-intents";
import { paymentMethodRoutes } from "../resources/payment-methods";
import { payoutRoutes } from "../resources/payouts";
import { refundRoutes } from "../resources/refunds";
import { topupRoutes } from "../resources/topups";
import { transferRoutes } from "../resources/transfers";
import { webhookEndpointRoutes } from "../resources/webhook-endpoints";
import { handleApiCall } from "./api";
import type { Emulator } from "./emulator";
import { BodyTooLarge, CORS_HEADERS, readBody, redirect, sendJson, sendText } from "./http";
import { Router } from "./router";

const STRIPE_JS = readFileSync(new URL("../public/stripe.js", import.meta.url), "utf8");

const router = new Router([
  ...accountRoutes,
  ...accountLinkRoutes,
  ...balanceRoutes,
  ...chargeRoutes,
  ...customerRoutes,
  ...disputeRoutes,
  ...eventRoutes,
  ...paymentIntentRoutes,
  ...paymentMethodRoutes,
  ...payoutRoutes,
  ...refundRoutes,
  ...topupRoutes,
  ...transferRoutes,
  ...webhookEndpointRoutes,
]);

function sendPage(res: ServerResponse, result: PageResult): void {
  if ("redirect" in result) redirect(res, result.redirect);
  else sendText(res, result.status, "text/html; charset=utf-8", result.html);
}

export interface EmulatorServer {
  server: Server;
  /** Drops the sockets of responses chaos mode is holding back, and stops their timers. */
  releaseHung(): void;
}

export function createEmulatorServer(emu: Emulator): EmulatorServer {
  const hung = new Map<ServerResponse, ReturnType<typeof setTimeout>>();

  const hang = (res: ServerResponse) => {
    const hangMs = emu.chaos.settings?.api.hangMs ?? 0;
    const timer = setTimeout(() => {
      hung.delete(res);
      res.socket?.destroy();
    }, hangMs);
    hung.set(res, timer);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const method = req.method ?? "GET";
    const { pathname } = url;
    if (method === "OPTIONS") {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    const rawBody = method === "GET" || method === "HEAD" ? "" : await readBody(req);
    if (pathname.startsWith("/v1/")) {
      handleApiCall(emu, router, { req, res, url, rawBody, hang });
      return;
    }
    if (pathname === "/_emulator" || pathname.startsWith("/_emulator/")) {
      const result = await handleControl(emu, method, pathname, rawBody, url.searchParams);
      sendJson(res, result.status, result.body);
      return;
    }
    if (method === "GET" && (pathname === "/v3" || pathname === "/v3/" || pathname === "/v3/stripe.js")) {
      res.writeHead(200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "no-cache",
        "Access-Control-Allow-Origin": "*",
      });
      res.end(STRIPE_JS);
      return;
    }
    if (method === "GET" && pathname === "/") {
      sendText(res, 200, "text/html; charset=utf-8", renderDashboard(emu));
      return;
    }
    const form = new URLSearchParams(rawBody);
    let m: RegExpExecArray | null;
    if ((m = /^\/connect\/onboarding\/([\w-]+)$/.exec(pathname))) {
      sendPage(res, method === "POST" ? submitOnboarding(emu, m[1], form) : onboardingPage(emu, m[1]));
      return;
    }
    if ((m = /^\/connect\/express\/(acct_\w+)$/.exec(pathname)) && method === "GET") {
      sendPage(res, expressDashboardPage(emu, m[1]));
      return;
    }
    if ((m = /^\/3ds\/(pi_\w+)$/.exec(pathname))) {
      sendPage(
        res,
        method === "POST"
          ? submitChallenge(emu, m[1], form)
          : challengePage(emu, m[1], url.searchParams.get("embedded") === "1"),
      );
      return;
    }
    sendText(res, 404, "text/plain; charset=utf-8", "Not found");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) {
        sendJson(res, 413, { error: { type: "invalid_request_error", message: err.message } });
        return;
      }
      emu.options.log(
        `internal error on ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      if (!res.headersSent)
        sendJson(res, 500, {
          error: { type: "api_error", message: "An unknown error occurred in the Stripe emulator." },
        });
      else res.destroy();
    });
  });

  return {
    server,
    releaseHung() {
      for (const [res, timer] of hung) {
        clearTimeout(timer);
        res.socket?.destroy();
      }
      hung.clear();
    },
  };
}
