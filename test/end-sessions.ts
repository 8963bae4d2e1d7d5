import { revokeUserSessions } from "@/lib/auth/revoke-user-sessions";
import type { EndSessions } from "@/lib/users/end-sessions";

/** What the routes pass to an account change that signs the person out everywhere: ends every session. */
export const endSessions: EndSessions = (tx, userId) => revokeUserSessions({ userId, tx });
