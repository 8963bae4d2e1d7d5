import { z } from "zod";

import { ZAddress } from "./address-input";

const SNAKE = { fullName: "full_name", postalCode: "postal_code", isDefault: "is_default" } as const;

/** The REST body takes either spelling of the three two-word fields (full_name or fullName …); snake_case wins. */
function acceptSnakeCase(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(ZAddress.shape)) {
    const snake = SNAKE[key as keyof typeof SNAKE];
    const v = (snake ? b[snake] : undefined) ?? b[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export const ZAddressJson = z.preprocess(acceptSnakeCase, ZAddress).meta({ title: "Address" });
