import { z } from "zod";

/** A code typed on a form: 6 digits from the app, or a recovery code ("k7m2p-x9qrt"). */
export const ZSecondFactorCode = z.object({
  code: z
    .string("Enter the code from your authenticator app.")
    .trim()
    .min(6, "Enter the code from your authenticator app.")
    .max(32, "That code is too long."),
});
export type TSecondFactorCode = z.infer<typeof ZSecondFactorCode>;
