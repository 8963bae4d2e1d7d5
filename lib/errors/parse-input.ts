import type { z } from "zod";

import { zodToAppError } from "./zod-to-app-error";

/**
 * Parses untrusted input with a domain schema, or throws the validation AppError every edge
 * answers with. The schema's meta title names the thing in the message ("Review is invalid: …").
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, fallbackLabel = "Request"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToAppError(parsed.error, inputLabel(schema) ?? fallbackLabel);
  return parsed.data;
}

export function inputLabel(schema: z.ZodType): string | undefined {
  const title = schema.meta()?.title;
  return typeof title === "string" ? title : undefined;
}
