// The wrapper every server action goes through: the caller's role, the form (or object) parsed
// with the domain's zod schema, an AppError turned into the form's { error, fields } state, and
// anything unexpected logged and answered with a generic sentence instead of a crashed page.
// Next's own control flow (redirect(), notFound()) passes through untouched.
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from "@/lib/log/request-context";

import { authorize, type Access, type UserFor } from "./api-route";

export type ActionFailure = { error: string; fields?: Record<string, string> };

const GENERIC = "Something went wrong on our side. Please try again.";

type Input<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ServerActionConfig<A extends Access, S, Args extends unknown[], R> = {
  access: A;
  schema?: S;
  /**
   * What the schema parses, taken from the action's arguments. Without it: the last FormData
   * argument as an object (a name given twice becomes a list), else the last argument.
   */
  input?: (...args: Args) => unknown;
  /** The sentence shown when something unexpected fails (it is logged with the error). */
  unexpected?: string;
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

/** The balancer's X-Request-Id for this action's POST; null outside a request (a unit test, a script). */
async function incomingRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
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

/** serverAction over the session lookup, so the wrapper itself can be unit-tested. */
export function createServerAction(currentUser: () => Promise<CurrentUser | null>): ServerActionFactory {
  return function serverAction<A extends Access, Args extends unknown[], R, S extends z.ZodType | undefined>(
    config: ServerActionConfig<A, S, Args, R>,
    fn: ActionBody<A, S, Args, R>,
  ): (...args: Args) => Promise<R | ActionFailure> {
    const fail = (f: ActionFailure): R | ActionFailure => (config.failure ? config.failure(f) : f);
    const run = async (...args: Args): Promise<R | ActionFailure> => {
      try {
        const user = config.access === "public" ? await currentUser().catch(() => null) : await currentUser();
        authorize(config.access, user);
        const input = (
          config.schema
            ? parseInput(config.schema, config.input ? config.input(...args) : defaultInput(args))
            : undefined
        ) as Input<S>;
        return await fn({ user: user as UserFor<A>, input }, ...args);
      } catch (err) {
        unstable_rethrow(err);
        if (isAppError(err)) {
          const fields = err.details?.fields as Record<string, string> | undefined;
          return fail(fields ? { error: err.message, fields } : { error: err.message });
        }
        logger.error({ err }, "server action failed");
        return fail({ error: config.unexpected ?? GENERIC });
      }
    };
    // An action's response is Next's own (no header of ours can be added): the id is in the logs only.
    return async (...args: Args) => {
      const requestId = requestIdFrom(await incomingRequestId());
      return runWithRequestContext({ requestId }, () => run(...args));
    };
  } as ServerActionFactory;
}

export const serverAction = createServerAction(getCurrentUser);
