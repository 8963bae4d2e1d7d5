// Finding objects by id, and Stripe's `expand[]` (an id in a response replaced by its object,
// dotted paths for nested ones, `data.` for the items of a list).
import { missingResource, paramError } from "./errors";
import type { State } from "./store";

type Collection = {
  [K in keyof State]: State[K] extends Record<string, { id: string }> ? K : never;
}[keyof State];

const BY_PREFIX: Record<string, Collection> = {
  acct: "accounts",
  ch: "charges",
  cus: "customers",
  dp: "disputes",
  evt: "events",
  pi: "paymentIntents",
  pm: "paymentMethods",
  po: "payouts",
  re: "refunds",
  tr: "transfers",
  trr: "transferReversals",
  txn: "balanceTransactions",
};

export function findAny(state: State, id: string): object | undefined {
  const collection = BY_PREFIX[id.slice(0, id.indexOf("_"))];
  return collection ? (state[collection] as Record<string, object>)[id] : undefined;
}

/** The object or Stripe's 404 (`No such payment_intent: 'pi_…'`). */
export function getOr404<T>(collection: Record<string, T>, id: string, kind: string, param = "id"): T {
  const found = Object.hasOwn(collection, id) ? collection[id] : undefined;
  if (!found) throw missingResource(kind, id, param);
  return found;
}

function expandPath(node: unknown, segments: string[], state: State, fullPath: string): void {
  if (segments.length === 0 || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) expandPath(item, segments, state, fullPath);
    return;
  }
  const [head, ...rest] = segments;
  const record = node as Record<string, unknown>;
  let value = record[head];
  if (typeof value === "string") {
    const found = findAny(state, value);
    if (!found) throw paramError(`This property cannot be expanded (${fullPath}).`, "expand");
    value = structuredClone(found);
    record[head] = value;
  } else if (value === undefined) {
    throw paramError(`This property cannot be expanded (${fullPath}).`, "expand");
  }
  expandPath(value, rest, state, fullPath);
}

/** A copy of `value` with each `expand` path replaced by the object it names. */
export function expand<T>(value: T, paths: string[], state: State): T {
  const copy = structuredClone(value);
  for (const path of paths) expandPath(copy, path.split("."), state, path);
  return copy;
}
