// What a server action's positional arguments may be. The browser sends them: ids our page bound
// with `action.bind(null, id)`, the previous state useActionState hands back, the form's
// FormData; a script or a page from an older deploy can send anything in their place. An action
// declares them (serverAction's `args`) and the wrapper checks them before anything reads one,
// so junk gets the form's message instead of reaching a query or the "unexpected" path.
import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { zId, zWholeNumber } from "@/lib/errors/input-primitives";

export const STALE_FORM = "This form could not be read. Reload the page and try again.";

export const ARG = {
  /** A row id (UUID) bound into the action. */
  id: zId(STALE_FORM),
  /** A numeric row id bound into the action. */
  serial: zWholeNumber({ what: "Id", min: 1, max: 2 ** 31 - 1, notNumber: STALE_FORM }),
  /** True or false bound into the action (suspend or reinstate). */
  flag: z.boolean(),
  /** An ISO 4217 code bound into the action, for the amounts its answer shows. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** What a buyer's question is about, bound into the action (lib/messages). */
  topic: z.enum(["product", "order"], { error: STALE_FORM }),
  /** An email address bound into the action (a suppressed address, lib/mail). */
  emailAddress: z.string({ error: STALE_FORM }).trim().min(3, STALE_FORM).max(254, STALE_FORM),
  /** An argument the action does not read (the previous form state, mostly). */
  unread: z.unknown(),
  form: z.instanceof(FormData, { error: STALE_FORM }),
} as const;

/**
 * The arguments as their schemas read them (a bound id sent as the string "1" becomes the number
 * 1), or the form's bad_request when one is not what its schema allows. Extra arguments pass
 * through unchanged.
 */
export function checkActionArgs<T extends readonly unknown[]>(schemas: readonly z.ZodType[], args: T): T {
  const out = [...args];
  schemas.forEach((schema, i) => {
    const r = schema.safeParse(args[i]);
    if (!r.success) throw new AppError("bad_request", STALE_FORM);
    out[i] = r.data;
  });
  return out as unknown as T;
}
