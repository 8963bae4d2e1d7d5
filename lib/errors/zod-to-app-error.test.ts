import { describe, expect, it } from "vitest";
import { z } from "zod";

import { zodToAppError } from "./zod-to-app-error";

describe("zodToAppError", () => {
  it("summarises the first problems in one sentence and maps every field", () => {
    const r = z
      .object({
        title: z.string().min(1, "Title is required."),
        price: z.number().positive("Price must be above zero."),
      })
      .safeParse({ title: "", price: -1 });
    const err = zodToAppError(r.error!, "Listing");
    expect(err.status).toBe(400);
    expect(err.code).toBe("validation_failed");
    expect(err.message).toBe("Listing is invalid: title: Title is required.; price: Price must be above zero.");
    expect(err.details?.fields).toEqual({ title: "Title is required.", price: "Price must be above zero." });
  });
});
