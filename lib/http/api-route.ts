// The wrapper every app/api/v1 route handler goes through: origin check on writes,
// session and role, JSON body and query parsing with zod, and errors mapped to
// { error: { code, message } } with the right status. Nothing else reaches the client.
import type { NextRequest } from "next/server";
import { z, type ZodType } from "zod";

import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log/logger";

const MAX_BODY_BYTES = 256 * 1024;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Access = "public" | "user" | Role;

export type ApiContext<B, Q, P> = {
  req: NextRequest;
  body: B;
  query: Q;
  params: P;
  user: CurrentUser | null;
};

type Config<B, Q, P> = {
  access: Access;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
};

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

function authorize(access: Access, user: CurrentUser | null): void {
  if (access === "public") return;
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  if (access === "user") return;
  const allowed = access === "buyer" || user.role === "admin" || user.role === access;
  if (!allowed) throw new AppError("forbidden", `This needs a ${access} account.`);
}

export function apiRoute<B = undefined, Q = undefined, P = undefined>(
  config: Config<B, Q, P>,
  handler: (ctx: ApiContext<B, Q, P>) => Promise<Response | unknown>,
) {
  return async (
    req: NextRequest,
    routeCtx: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    try {
      if (WRITE_METHODS.has(req.method)) assertSameOrigin(req);
      const user = config.access === "public" ? await getCurrentUser().catch(() => null) : await getCurrentUser();
      authorize(config.access, user);
      const rawParams = routeCtx?.params ? await routeCtx.params : {};
      const params = config.params ? parseWith(config.params, rawParams, "URL") : (undefined as P);
      const query = config.query
        ? parseWith(config.query, Object.fromEntries(req.nextUrl.searchParams), "Query")
        : (undefined as Q);
      const body = config.body ? parseWith(config.body, await readJson(req), "Request body") : (undefined as B);
      const result = await handler({ req, body, query, params, user });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

function parseWith<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToAppError(parsed.error, what);
  return parsed.data;
}
