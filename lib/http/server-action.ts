// The wrapper every server action goes through: the caller's role (403 for the wrong one), the form (or object) parsed
// with the domain's zod schema, an AppError turned into the form's { error, fields } state, and
// anything unexpected logged and answered with a generic sentence instead of a crashed page.
// Next's own control flow (redirect(), notFound()) passes through untouched.
import { headers } from "next/headers";
import { forbidden, unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { clientIp } from "@/lib/auth/client-ip";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from "@/lib/log/request-context";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import type { RateLimitStore } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMIT_POLICIES, type RateLimitPolicy } from "@/lib/rate-limit/rules";

import { checkActionArgs } from "./action-args";
import { authorize, enforceLimits, type Access, type UserFor } from "./api-route";

export type ActionFailure = { error: string; fields?: Record<string, string> };

export const GENERIC_FAILURE = "Something went wrong on our side. Please try again.";

type Input<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ServerActionConfig<A extends Access, S, Args extends unknown[], R> = {
  access: A;
  schema?: S;
  /**
   * The positional arguments in order (lib/http/action-args.ts: ARG.id, ARG.state, ARG.form),
   * checked before `input` or the action reads them. An action with arguments declares them.
   */
  args?: readonly z.ZodType[];
  /**
   * What the schema parses, taken from the action's arguments. Without it: the last FormData
   * argument as an object (a name given twice becomes a list), else the last argument.
   */
  input?: (...args: Args) => unknown;
  /** The sentence shown when something unexpected fails (it is logged with the error). */
  unexpected?: string;
  /** Per IP and per account (lib/rate-limit/rules.ts); unset: RATE_LIMIT_POLICIES.action. */
  rateLimit?: RateLimitPolicy;
  /** Builds the action's own state from a failure, for forms whose state is not { error, fields }. */
  failure?: (f: ActionFailure) => R;
};

export function formObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

function defaultInput(args: unknown[]): unknown {
  for (let i = args.length - 1; i >= 0; i--) if (args[i] instanceof FormData) return formObject(args[i] as FormData);
  return args.at(-1);
}

/** The action's request headers; null outside a request (a unit test, a script). */
async function requestHeaders(): Promise<Headers | null> {
  try {
    return (await headers()) as unknown as Headers;
  } catch {
    return null;
  }
}

type ActionBody<A extends Access, S, Args extends unknown[], R> = (
  ctx: { user: UserFor<A>; input: Input<S> },
  ...args: Args
) => Promise<R>;

/** With a failure mapper every answer is the action's own state; without it, a failure is { error, fields }. */
export type ServerActionFactory = {
  <A extends Access, Args extends unknown[], R, S extends z.ZodType | undefined = undefined>(
    config: ServerActionConfig<A, S, Args, R> & { failure: (f: ActionFailure) => R },
    fn: ActionBody<A, S, Args, R>,
  ): (...args: Args) => Promise<R>;
  <A extends Access, Args extends unknown[], R, S extends z.ZodType | undefined = undefined>(
    config: ServerActionConfig<A, S, Args, R> & { failure?: undefined },
    fn: ActionBody<A, S, Args, R>,
  ): (...args: Args) => Promise<R | ActionFailure>;
};

/** serverAction over the session lookup and the rate-limit store (none: no limits), so the wrapper itself can be unit-tested. */
export function createServerAction(
  currentUser: () => Promise<CurrentUser | null>,
  rateLimitStore: (() => RateLimitStore) | null = null,
): ServerActionFactory {
  return function serverAction<A extends Access, Args extends unknown[], R, S extends z.ZodType | undefined>(
    config: ServerActionConfig<A, S, Args, R>,
    fn: ActionBody<A, S, Args, R>,
  ): (...args: Args) => Promise<R | ActionFailure> {
    const fail = (f: ActionFailure): R | ActionFailure => (config.failure ? config.failure(f) : f);
    const run = async (reqHeaders: Headers | null, args: Args): Promise<R | ActionFailure> => {
      try {
        const user = config.access === "public" ? await currentUser().catch(() => null) : await currentUser();
        // A signed-in caller without the role is answered 403 (Next's forbidden(), as pages do), not
        // a form state: no page of ours offers the action to them, so it is a script or a stale tab.
        if (user) {
          try {
            authorize(config.access, user);
          } catch (err) {
            // An admin without two-factor sign-in has the role: they get the message saying what to set up.
            const needsTwoFactor = config.access === "admin" && user.role === "admin";
            if (isAppError(err) && err.code === "forbidden" && !needsTwoFactor) forbidden();
            throw err;
          }
        } else authorize(config.access, user);
        if (rateLimitStore)
          await enforceLimits(
            rateLimitStore(),
            config.rateLimit ?? RATE_LIMIT_POLICIES.action,
            clientIp(reqHeaders ?? undefined),
            user,
          );
        // The action sees its arguments as their schemas read them, never the raw values sent.
        const read = config.args ? checkActionArgs(config.args, args) : args;
        const input = (
          config.schema
            ? parseInput(config.schema, config.input ? config.input(...read) : defaultInput(read))
            : undefined
        ) as Input<S>;
        return await fn({ user: user as UserFor<A>, input }, ...read);
      } catch (err) {
        unstable_rethrow(err);
        if (isAppError(err)) {
          const fields = err.details?.fields as Record<string, string> | undefined;
          return fail(fields ? { error: err.message, fields } : { error: err.message });
        }
        logger.error({ err }, "server action failed");
        return fail({ error: config.unexpected ?? GENERIC_FAILURE });
      }
    };
    // An action's response is Next's own (no header of ours can be added): the id is in the logs only.
    const action = async (...args: Args) => {
      const reqHeaders = await requestHeaders();
      const requestId = requestIdFrom(reqHeaders?.get(REQUEST_ID_HEADER) ?? null);
      // Where it came from, for the audit log (lib/audit).
      const from = reqHeaders ? { ip: clientIp(reqHeaders), userAgent: reqHeaders.get("user-agent") ?? undefined } : {};
      return runWithRequestContext({ requestId, ...from }, () => run(reqHeaders, args));
    };
    // For docs/API-ACCESS.md (npm run docs:access): who may call it and what it counts.
    return Object.assign(action, {
      spec: {
        access: config.access,
        rateLimit: config.rateLimit ?? RATE_LIMIT_POLICIES.action,
        unexpected: config.unexpected,
      },
    });
  } as ServerActionFactory;
}

export const serverAction = createServerAction(getCurrentUser, getRateLimitStore);
