import type { z } from "zod";

import { AppError } from "./app-error";

/** A validation failure as one readable sentence plus a per-field map for forms. */
export function zodToAppError(err: z.ZodError, what = "Request"): AppError {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)
    .slice(0, 3)
    .map(([k, m]) => (k === "_" ? m : `${k}: ${m}`));
  return new AppError("validation_failed", `${what} is invalid: ${first.join("; ")}`, { fields });
}
