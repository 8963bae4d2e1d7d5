// Builds the OpenAPI 3.1 document of the REST API from the routes themselves: every apiRoute
// handler carries its config (`.spec`: access, params, query, body, Idempotency-Key, rate
// limit), so the document is generated from the same zod schemas that parse the requests.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";

import { ERROR_STATUS } from "@/lib/errors/app-error";
import { routeRateLimit } from "@/lib/rate-limit/rules";

import type { ApiRouteHandler } from "../api-route";
import { describeRateLimit } from "../describe-rate-limit";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One route file: its Next path ("/api/v1/orders/[orderId]") and its exports. */
export type RouteFile = {
  path: string;
  module: Partial<Record<HttpMethod, unknown>>;
  /** Operations of handlers that do not go through apiRoute, described by hand. */
  manual?: Partial<Record<HttpMethod, ZodOpenApiOperationObject>>;
};

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string().meta({ description: "A sentence a person can read." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Per-field messages when the input was invalid." }),
    }),
  })
  .meta({ id: "Error", description: "Every error answer: a code, a human message, and field errors for bad input." });

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ZApiError } },
});

/** "/api/v1/orders/[orderId]" → "/api/v1/orders/{orderId}". */
export function openApiPath(nextPath: string): string {
  return nextPath.replace(/\[([^\]]+)\]/g, "{$1}");
}

function pathParamNames(nextPath: string): string[] {
  return [...nextPath.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
}

function accessNote(access: string): string {
  if (access === "public") return "Open to anyone; a signed-in session may change the answer.";
  if (access === "user") return "Needs a signed-in session.";
  return `Needs a signed-in ${access} account (admins may call it too).`;
}

function operationOf(route: RouteFile, method: HttpMethod, handler: ApiRouteHandler): ZodOpenApiOperationObject {
  const spec = handler.spec;
  const path =
    (spec.params as z.ZodObject | undefined) ??
    (pathParamNames(route.path).length
      ? z.object(Object.fromEntries(pathParamNames(route.path).map((n) => [n, z.string()])))
      : undefined);
  const header = spec.idempotencyKey
    ? z.object({
        "Idempotency-Key": z
          .string()
          .regex(/^[\x21-\x7e]{8,255}$/)
          .meta({ description: "8–255 visible characters; a retry with the same key and body replays the answer." }),
      })
    : undefined;
  const notes = [accessNote(spec.access)];
  const limits = routeRateLimit(method, spec.rateLimit);
  if (limits) notes.push(`Rate limited: ${describeRateLimit(limits)} (429 with Retry-After past it).`);
  const status = String(spec.status ?? 200);
  return {
    operationId: `${method.toLowerCase()}${openApiPath(route.path)
      .replace(/^\/api\/v1/, "")
      .replace(/[{}]/g, "")
      .split(/[/.-]/)
      .filter(Boolean)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join("")}`,
    summary: spec.summary ?? `${method} ${openApiPath(route.path)}`,
    description: notes.join(" "),
    tags: [tagOf(route.path)],
    ...(spec.access === "public" ? {} : { security: [{ session: [] }] }),
    requestParams: {
      ...(path ? { path } : {}),
      ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
      ...(header ? { header } : {}),
    },
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
    responses: {
      [status]: { description: "Success (JSON)." },
      "400": errorResponse("Bad input: the message names each problem, `fields` holds them per field."),
      ...(spec.access === "public" ? {} : { "401": errorResponse("Not signed in.") }),
      ...(spec.access === "public" || spec.access === "user" ? {} : { "403": errorResponse("Another role.") }),
      ...(limits ? { "429": errorResponse("Too many requests; see Retry-After.") } : {}),
      default: errorResponse("Any other error (404, 409, 422, 500 …) in the same shape."),
    },
  };
}

function tagOf(nextPath: string): string {
  return nextPath.replace(/^\/api\/v1\//, "").split("/")[0];
}

function isApiRoute(value: unknown): value is ApiRouteHandler {
  return typeof value === "function" && "spec" in value;
}

export function buildOpenApiDocument(routes: RouteFile[], opts: { serverUrl?: string } = {}) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const item: Record<string, ZodOpenApiOperationObject> = {};
    for (const method of HTTP_METHODS) {
      const handler = route.module[method];
      if (!handler) continue;
      const manual = route.manual?.[method];
      if (manual) item[method.toLowerCase()] = { tags: [tagOf(route.path)], ...manual };
      else if (isApiRoute(handler)) item[method.toLowerCase()] = operationOf(route, method, handler);
      else throw new Error(`${method} ${route.path} does not go through apiRoute; describe it in manual.`);
    }
    paths[openApiPath(route.path)] = item;
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Marketplace REST API",
      version: "1.0.0",
      description:
        "JSON over HTTPS under /api/v1. Money is integer minor units with a currency; every error is { error: { code, message } }. Writes from a browser must come from this site (Origin).",
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The session cookie set by signing in.",
        },
      },
    },
    paths,
  });
}
