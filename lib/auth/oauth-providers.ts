import GithubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";

import type { TServerEnv } from "@/lib/env";

type OAuthEnv = Pick<TServerEnv, "GITHUB_ID" | "GITHUB_SECRET" | "GOOGLE_CLIENT_ID" | "GOOGLE_CLIENT_SECRET">;

type GithubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * The OAuth providers whose keys are set (none for the demo). Each profile says whether the
 * provider has verified its email (`email_verified`), which decides whether the sign-in may
 * use, or link to, the account with that email (see oauthSignInProblem). Emails are lower-cased
 * as ours are, so the adapter finds an existing account by them.
 */
export function oauthProviders(config: OAuthEnv): Provider[] {
  const providers: Provider[] = [];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(
      GithubProvider({
        clientId: config.GITHUB_ID,
        clientSecret: config.GITHUB_SECRET,
        // Linking by email is refused in the signIn callback unless the email is verified.
        allowDangerousEmailAccountLinking: true,
        userinfo: {
          url: "https://api.github.com/user",
          // GitHub's /user shows a public email that may be unverified; its primary verified
          // address is in /user/emails (the user:email scope).
          async request({ client, tokens }) {
            const profile = await client.userinfo(tokens.access_token!);
            const res = await fetch("https://api.github.com/user/emails", {
              headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json" },
            });
            const emails = res.ok ? ((await res.json()) as GithubEmail[]) : [];
            const primary = emails.find((e) => e.primary && e.verified);
            return {
              ...profile,
              email: primary?.email ?? profile.email ?? undefined,
              email_verified: Boolean(primary),
            };
          },
        },
        profile(p) {
          return {
            id: String(p.id),
            name: p.name ?? p.login,
            email: typeof p.email === "string" ? p.email.toLowerCase() : null,
            image: p.avatar_url,
          };
        },
      }),
    );
  }
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({
        clientId: config.GOOGLE_CLIENT_ID,
        clientSecret: config.GOOGLE_CLIENT_SECRET,
        allowDangerousEmailAccountLinking: true,
        profile(p) {
          return { id: p.sub, name: p.name, email: p.email?.toLowerCase() ?? null, image: p.picture };
        },
      }),
    );
  }
  return providers;
}
