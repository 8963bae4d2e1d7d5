import { z } from "zod";

/** Which of the person's sessions to end, from the /account/security form. */
export const ZRevokeSession = z.object({ sessionId: z.uuid("Choose a session to sign out.") });
export type TRevokeSession = z.infer<typeof ZRevokeSession>;
