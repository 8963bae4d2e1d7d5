import { z } from "zod";

export const ZEmail = z
  .string()
  .trim()
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((e) => e.toLowerCase());
