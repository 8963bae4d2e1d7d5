// How email delivery treats an SMTP failure, and when it tries again. Pure: unit-tested.

export type DeliveryRetry = {
  /** Attempts in all, the first included; after the last one a transient failure is final. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

// 5, 10, 20 and 40 minutes between the five attempts: past most greylisting and short outages.
export const DELIVERY_RETRY: DeliveryRetry = { maxAttempts: 5, baseDelayMs: 5 * 60_000, maxDelayMs: 60 * 60_000 };

/** The wait after failed attempt number `attempt` (1 for the first): doubling, capped. */
export function nextAttemptDelayMs(attempt: number, retry: DeliveryRetry = DELIVERY_RETRY): number {
  return Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

export type DeliveryFailure = {
  /**
   * transient: worth another attempt (4xx, no connection, a timeout); rejected: the server
   * refused the recipient for good (5xx to RCPT TO), so the address bounces; permanent: a 5xx
   * elsewhere (the sender, the content, our credentials), final but not the address's fault.
   */
  kind: "transient" | "rejected" | "permanent";
  message: string;
};

type SmtpError = { responseCode?: unknown; command?: unknown; response?: unknown; code?: unknown; message?: unknown };

/** Reads the fields nodemailer puts on an SMTP error (responseCode, command, response, code). */
export function classifySmtpError(err: unknown): DeliveryFailure {
  const e = (typeof err === "object" && err !== null ? err : {}) as SmtpError;
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const text = String(e.response ?? e.message ?? err).slice(0, 1000);
  const message = code
    ? text.startsWith(String(code))
      ? text
      : `${code} ${text}`
    : `${String(e.code ?? "error")}: ${text}`;
  if (code !== null && code >= 500 && code < 600) {
    const rcpt = typeof e.command === "string" && e.command.toUpperCase().startsWith("RCPT");
    return { kind: rcpt ? "rejected" : "permanent", message };
  }
  return { kind: "transient", message };
}
