// The wrapper every app/api/v1 route handler goes through: origin check on writes, session and
// role, rate limit, Idempotency-Key, body/query/params parsed with the domain's zod schemas,
// and errors mapped to { error: { code, message } } with the right status. Nothing else
// reaches the client. The config stays on the handler (`.spec`) for the OpenAPI document.
import type { NextRequest } from "next/server";
import { z, type ZodType } from "zod";

import { clientIp } from "@/lib/auth/client-ip";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { sessionSubject } from "@/lib/auth/session-subject";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from "@/lib/log/request-context";
import { observeRequest } from "@/lib/metrics/registry";
import { routePattern } from "@/lib/metrics/route-pattern";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit, type RateLimitStore } from "@/lib/rate-limit/rate-limit";
import { routeRateLimit, type RateLimitPolicy } from "@/lib/rate-limit/rules";

const MAX_BODY_BYTES = 256 * 1024;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

export type Access = "public" | "user" | Role;

/** Who the handler sees: a public route may be called signed out; any other has a user. */
export type UserFor<A extends Access> = A extends "public" ? CurrentUser | null : CurrentUser;

type KeyOption = { missing: string } | undefined;

export type ApiContext<A extends Access, B, Q, P, K extends KeyOption = undefined> = {
  req: NextRequest;
  body: B;
  query: Q;
  params: P;
  user: UserFor<A>;
  /** The validated Idempotency-Key header, when the route asks for one. */
  idempotencyKey: K extends { missing: string } ? string : undefined;
};

export type ApiRouteConfig<A extends Access, B, Q, P, K extends KeyOption = undefined> = {
  access: A;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /**
   * Counted per client IP and per signed-in account before the body is read (lib/rate-limit/rules.ts).
   * Unset: a write method gets RATE_LIMIT_POLICIES.write, a read none; false: none at all.
   */
  rateLimit?: RateLimitPolicy | false;
  /**
   * Accepts writes from other sites (skips the Origin check). Only for a route whose request
   * carries its own proof and can come from no page of ours: the one-click unsubscribe POST,
   * which a mail provider makes with a signed token and no session.
   */
  crossSiteWrites?: true;
  /** Requires an Idempotency-Key header of 8–255 visible characters; `missing` is the message when it is absent. */
  idempotencyKey?: K;
  /**
   * A refusal answered from cheap state before the session is checked against the database or
   * the body is read (a flash sale's "sold out" from Redis): given the user id the signed
   * session cookie names, return the AppError to answer with, or null to go the whole way. Only
   * for refusals: nothing may be given or shown on this path. The rate limit counts a refusal
   * as it counts any request.
   */
  refuseEarly?: (ctx: { req: NextRequest; subject: string }) => Promise<AppError | null>;
  /** For the OpenAPI document: one line on what the operation does, and its success status. */
  summary?: string;
  status?: number;
};

export type ApiRouteHandler = ((
  req: NextRequest,
  routeCtx: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>) & { spec: ApiRouteConfig<Access, unknown, unknown, unknown, KeyOption> };

export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    const headers: Record<string, string> = {};
    const retry = err.details?.retryAfterSeconds;
    if (typeof retry === "number") headers["Retry-After"] = String(retry);
    return Response.json(
      {
        error: { code: err.code, message: err.message, ...(err.details?.fields ? { fields: err.details.fields } : {}) },
      },
      { status: err.status, headers },
    );
  }
  if (err instanceof z.ZodError) return errorResponse(zodToAppError(err));
  logger.error({ err }, "unhandled error in API route");
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

/** A browser sends Origin on cross-site writes; refuse those unless they come from this site. */
function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "Cross-site request refused.");
  }
  if (originHost !== host) throw new AppError("forbidden", "Cross-site request refused.");
}

async function readJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES)
    throw new AppError("payload_too_large", `Request body must be at most ${MAX_BODY_BYTES / 1024} KB.`);
  const text = await req.text();
  if (text.length === 0) return {};
  if (!type.includes("application/json"))
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new AppError("payload_too_large", `Request body must be at most ${MAX_BODY_BYTES / 1024} KB.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON.");
  }
}

export const ADMIN_NEEDS_TWO_FACTOR = "Admins must turn on two-factor sign-in first: set it up at /account/security.";

export function authorize(access: Access, user: CurrentUser | null): void {
  if (access === "public") return;
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  if (access === "user") return;
  const allowed = access === "buyer" || user.role === "admin" || user.role === access;
  if (!allowed) throw new AppError("forbidden", `This needs a ${access} account.`);
  if (access === "admin" && !user.twoFactorEnabled) throw new AppError("forbidden", ADMIN_NEEDS_TWO_FACTOR);
}

/** The route's Idempotency-Key header, checked (present when asked for, 8–255 visible characters); null when not asked for. */
function idempotencyKeyOf(req: NextRequest, config: { idempotencyKey?: KeyOption }): string | null {
  if (!config.idempotencyKey) return null;
  const key = req.headers.get("idempotency-key");
  if (!key) throw new AppError("bad_request", config.idempotencyKey.missing);
  if (!IDEMPOTENCY_KEY.test(key))
    throw new AppError("bad_request", "Send an Idempotency-Key header of 8 to 255 visible characters.");
  return key;
}

/** The response with its X-Request-Id; a Response built elsewhere may have immutable headers, so it is copied then. */
function withRequestId(res: Response, requestId: string): Response {
  try {
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  } catch {
    const headers = new Headers(res.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}

/** Per IP always; per account when signed in, keyed on the user id so rotating addresses gains nothing. */
export async function enforceLimits(
  store: RateLimitStore,
  limits: RateLimitPolicy,
  ip: string,
  user: Pick<CurrentUser, "id"> | null,
): Promise<void> {
  if (limits.perIp) await enforceRateLimit(store, limits.perIp, [ip]);
  if (limits.perUser && user) await enforceRateLimit(store, limits.perUser, [user.id]);
}

export type ApiRouteDeps = {
  currentUser: () => Promise<CurrentUser | null>;
  rateLimitStore: () => RateLimitStore;
  /** The signed session cookie's user id, unchecked against the database (for refuseEarly); none by default. */
  sessionSubject?: (req: NextRequest) => Promise<string | null>;
};

/** apiRoute over its two outside dependencies, so the wrapper itself can be unit-tested. */
export function createApiRoute(deps: ApiRouteDeps) {
  return function apiRoute<
    A extends Access,
    B = undefined,
    Q = undefined,
    P = undefined,
    K extends KeyOption = undefined,
  >(
    config: ApiRouteConfig<A, B, Q, P, K>,
    handler: (ctx: ApiContext<A, B, Q, P, K>) => Promise<Response | unknown>,
  ): ApiRouteHandler {
    // Throws the route's early refusal (after the rate limit has counted it), else returns.
    const refuseEarly = async (req: NextRequest, config: ApiRouteConfig<A, B, Q, P, K>): Promise<void> => {
      const subject = deps.sessionSubject ? await deps.sessionSubject(req) : null;
      if (!subject) return;
      idempotencyKeyOf(req, config);
      const refusal = await config.refuseEarly!({ req, subject });
      if (!refusal) return;
      const limits = routeRateLimit(req.method, config.rateLimit);
      if (limits) await enforceLimits(deps.rateLimitStore(), limits, clientIp(req.headers), { id: subject });
      throw refusal;
    };
    const handle = async (
      req: NextRequest,
      routeCtx: { params: Promise<Record<string, string | string[]>> },
    ): Promise<Response> => {
      try {
        if (WRITE_METHODS.has(req.method) && !config.crossSiteWrites) assertSameOrigin(req);
        if (config.refuseEarly) await refuseEarly(req, config);
        const user = config.access === "public" ? await deps.currentUser().catch(() => null) : await deps.currentUser();
        authorize(config.access, user);
        const rawParams = routeCtx?.params ? await routeCtx.params : {};
        const params = config.params ? parseInput(config.params, rawParams, "URL") : (undefined as P);
        const query = config.query
          ? parseInput(config.query, Object.fromEntries(req.nextUrl.searchParams), "Query")
          : (undefined as Q);
        const key = idempotencyKeyOf(req, config);
        const limits = routeRateLimit(req.method, config.rateLimit);
        if (limits) await enforceLimits(deps.rateLimitStore(), limits, clientIp(req.headers), user);
        const body = config.body ? parseInput(config.body, await readJson(req), "Request body") : (undefined as B);
        const result = await handler({
          req,
          body,
          query,
          params,
          user: user as UserFor<A>,
          idempotencyKey: (key ?? undefined) as ApiContext<A, B, Q, P, K>["idempotencyKey"],
        });
        return result instanceof Response ? result : Response.json(result);
      } catch (err) {
        return errorResponse(err);
      }
    };
    const route = async (
      req: NextRequest,
      routeCtx: { params: Promise<Record<string, string | string[]>> },
    ): Promise<Response> => {
      const started = performance.now();
      const requestId = requestIdFrom(req.headers.get(REQUEST_ID_HEADER));
      const res = await runWithRequestContext(
        { requestId, ip: clientIp(req.headers), userAgent: req.headers.get("user-agent") ?? undefined },
        () => handle(req, routeCtx),
      );
      const params = routeCtx?.params ? await routeCtx.params.catch(() => ({})) : {};
      observeRequest({
        method: req.method,
        route: routePattern(req.nextUrl.pathname, params),
        status: res.status,
        seconds: (performance.now() - started) / 1000,
      });
      return withRequestId(res, requestId);
    };
    return Object.assign(route, { spec: config as ApiRouteHandler["spec"] });
  };
}

export const apiRoute = createApiRoute({
  currentUser: getCurrentUser,
  rateLimitStore: getRateLimitStore,
  sessionSubject,
});
