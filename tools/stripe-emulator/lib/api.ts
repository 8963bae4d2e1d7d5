// One Stripe API call, end to end: authentication (secret key, or a publishable key where
// Stripe.js may use one), Stripe-Account, chaos, idempotency (first result replayed with
// `Idempotent-Replayed: true`, a different request under the same key refused), parameter
// parsing, the route itself, `expand[]`, and the response.
import type { IncomingMessage, ServerResponse } from "node:http";

import type { Emulator } from "./emulator";
import { apiError, authError, idempotencyError, paramError, StripeError } from "./errors";
import { fingerprint, parseForm, type FormObject } from "./form";
import { CORS_HEADERS } from "./http";
import { newId } from "./ids";
import { expand } from "./lookup";
import { Params } from "./params";
import type { RequestContext, Router } from "./router";

/** Stripe keeps idempotent results for at least 24 hours. */
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/**
 * The SDK keys every POST itself (`stripe-node-retry-…`) for its own retries, which come
 * within seconds: those results are dropped sooner, so the state file does not fill with them.
 */
const SDK_KEY_TTL_MS = 10 * 60 * 1000;
const IDEMPOTENCY_MAX_KEPT = 5_000;

type KeyType = "secret" | "publishable";

function mask(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : key;
}

function apiKey(req: IncomingMessage, params: FormObject): string | null {
  const header = req.headers.authorization ?? "";
  if (header.startsWith("Bearer ")) return header.slice(7).trim();
  if (header.startsWith("Basic ")) return Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0];
  // Stripe.js sends its publishable key as a parameter, which keeps its requests CORS-simple.
  const key = params.key;
  delete params.key;
  return typeof key === "string" ? key : null;
}

function keyType(key: string | null): KeyType {
  if (!key) {
    throw authError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (/^(sk|rk)_test_\w+$/.test(key)) return "secret";
  if (/^pk_test_\w+$/.test(key)) return "publishable";
  if (/^(sk|rk|pk)_live_/.test(key)) throw authError(`The Stripe emulator accepts test keys only, not ${mask(key)}.`);
  throw authError(`Invalid API Key provided: ${mask(key)}`);
}

function pruneIdempotency(emu: Emulator): void {
  const { idempotency } = emu.state;
  const now = Date.now();
  const keys = Object.keys(idempotency);
  for (const [i, key] of keys.entries()) {
    const ttl = key.includes(":stripe-node-retry-") ? SDK_KEY_TTL_MS : IDEMPOTENCY_TTL_MS;
    if (idempotency[key].createdAt < now - ttl || keys.length - i > IDEMPOTENCY_MAX_KEPT) delete idempotency[key];
  }
}

interface ApiResponse {
  status: number;
  body: unknown;
  /** Saved for replay under its idempotency key. */
  replayable: boolean;
}

function execute(
  emu: Emulator,
  router: Router,
  method: string,
  pathname: string,
  params: FormObject,
  ctx: Omit<RequestContext, "path">,
): ApiResponse {
  const match = router.match(method, pathname);
  if (!match || !("route" in match)) {
    throw new StripeError(
      404,
      { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${pathname}).` },
      false,
    );
  }
  const { route, path } = match;
  if (ctx.keyType === "publishable" && !route.publishable) {
    throw authError("This API call cannot be made with a publishable API key. Please use a secret API key.");
  }
  if (ctx.connected && !route.connect) {
    throw paramError(
      "The Stripe emulator supports the Stripe-Account header only for the account, balance, balance transactions, payouts and events of a connected account.",
      "Stripe-Account",
    );
  }
  const p = new Params(params);
  const expandPaths = p.list("expand") ?? [];
  const full: RequestContext = { ...ctx, path };
  const input = route.parse(p, full);
  p.done();
  emu.currentRequest = ctx.request;
  try {
    const result = route.run(input, full);
    return { status: 200, body: expand(result, expandPaths, emu.state), replayable: true };
  } finally {
    emu.currentRequest = null;
  }
}

export interface ApiCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  rawBody: string;
  /** Holds a response back for chaos mode's timeouts; the server drops the socket later. */
  hang: (res: ServerResponse) => void;
}

export function handleApiCall(emu: Emulator, router: Router, call: ApiCall): void {
  const { req, res, url } = call;
  const method = req.method ?? "GET";
  const requestId = newId("req");
  const apiVersion = (req.headers["stripe-version"] as string | undefined) ?? emu.options.apiVersion;
  const headers: Record<string, string> = { ...CORS_HEADERS, "Request-Id": requestId, "Stripe-Version": apiVersion };
  const idempotencyKey = method === "POST" ? ((req.headers["idempotency-key"] as string | undefined) ?? null) : null;
  const params = parseForm(method === "POST" ? call.rawBody : url.search.slice(1));
  let response: ApiResponse;
  let chaos: ReturnType<Emulator["chaos"]["forApiCall"]> = null;
  let scopeKey: string | null = null;
  let requestFingerprint = "";
  try {
    const type = keyType(apiKey(req, params));
    const stripeAccount = type === "secret" ? (req.headers["stripe-account"] as string | undefined) : undefined;
    if (stripeAccount && !emu.state.accounts[stripeAccount]) {
      throw authError(
        `The provided key does not have access to account '${stripeAccount}' (or that account does not exist). Application access may have been revoked.`,
        403,
      );
    }
    const account = stripeAccount ?? emu.state.platformAccountId;
    chaos = emu.chaos.forApiCall();
    if (chaos === "error") throw apiError("Chaos mode: the Stripe emulator failed this request on purpose.");

    if (idempotencyKey) {
      pruneIdempotency(emu);
      scopeKey = `${account}:${idempotencyKey}`;
      requestFingerprint = `${method} ${url.pathname} ${fingerprint(params)}`;
      const saved = emu.state.idempotency[scopeKey];
      if (saved) {
        if (saved.fingerprint !== requestFingerprint) throw idempotencyError(idempotencyKey);
        res.writeHead(saved.status, {
          "Content-Type": "application/json; charset=utf-8",
          ...headers,
          "Idempotent-Replayed": "true",
          "Original-Request": saved.requestId,
        });
        res.end(saved.body);
        return;
      }
    }
    response = execute(emu, router, method, url.pathname, params, {
      emu,
      account,
      connected: account !== emu.state.platformAccountId,
      keyType: type,
      request: { id: requestId, idempotencyKey },
    });
  } catch (err) {
    if (err instanceof StripeError) {
      response = { status: err.status, body: { error: err.body }, replayable: err.replayable };
    } else {
      emu.options.log(
        `internal error on ${method} ${url.pathname}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      response = {
        status: 500,
        body: { error: { type: "api_error", message: "An unknown error occurred in the Stripe emulator." } },
        replayable: false,
      };
    }
  }
  if (method !== "GET") emu.store.changed();
  const body = JSON.stringify(response.body, null, 2);
  if (scopeKey && response.replayable) {
    emu.state.idempotency[scopeKey] = {
      fingerprint: requestFingerprint,
      status: response.status,
      body,
      requestId,
      createdAt: Date.now(),
    };
  }
  emu.options.log(`${method} ${url.pathname} → ${response.status}${chaos ? ` (chaos: ${chaos})` : ""}`);
  if (chaos === "timeout") {
    call.hang(res);
    return;
  }
  res.writeHead(response.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-cache, no-store",
    ...headers,
  });
  res.end(body);
}
