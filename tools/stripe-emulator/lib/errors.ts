// Stripe's error envelope: `{ error: { type, code, decline_code, message, param, ... } }` with
// the HTTP status Stripe uses for each kind of failure.

export type StripeErrorType = "invalid_request_error" | "card_error" | "idempotency_error" | "api_error";

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  [extra: string]: unknown;
}

export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /**
     * Stripe saves an idempotent result only once the endpoint has started executing: errors
     * raised while validating parameters are not replayed, a retry re-runs the request.
     */
    readonly replayable: boolean,
  ) {
    super(body.message);
  }
}

function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, "-")}` } : body;
}

/** A request that failed validation before anything ran (400, not replayed). */
export function paramError(message: string, param: string, code = "parameter_invalid"): StripeError {
  return new StripeError(400, withDocUrl({ type: "invalid_request_error", code, message, param }), false);
}

/** A request that was valid but refused by the object's state or the money model (replayed). */
export function stateError(message: string, code: string, extra: Record<string, unknown> = {}): StripeError {
  return new StripeError(400, withDocUrl({ type: "invalid_request_error", code, message, ...extra }), true);
}

export function missingResource(kind: string, id: string, param = "id"): StripeError {
  return new StripeError(
    404,
    withDocUrl({ type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param }),
    false,
  );
}

export function authError(message: string, status = 401): StripeError {
  return new StripeError(status, { type: "invalid_request_error", message }, false);
}

/** A declined or invalid card; `replayable` is false when the card was refused before anything ran. */
export function cardError(
  body: { message: string; code?: string; [extra: string]: unknown },
  replayable = true,
): StripeError {
  return new StripeError(402, withDocUrl({ type: "card_error", ...body }), replayable);
}

export function idempotencyError(key: string): StripeError {
  return new StripeError(
    400,
    {
      type: "idempotency_error",
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    },
    false,
  );
}

export function apiError(message = "An unknown error occurred"): StripeError {
  return new StripeError(500, { type: "api_error", message }, false);
}
