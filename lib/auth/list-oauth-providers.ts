import "server-only";

import { env } from "@/lib/env";

import { oauthProviders } from "./oauth-providers";

/** The OAuth providers configured here, for the sign-in page's buttons (none in the demo). */
export function listOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders(env()).map((p) => ({ id: p.id, name: p.name }));
}
