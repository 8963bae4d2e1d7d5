import { describe, expect, it } from "vitest";

import { oauthProviders } from "./oauth-providers";
import { oauthSignInProblem } from "./oauth-sign-in-problem";

const none = {
  GITHUB_ID: undefined,
  GITHUB_SECRET: undefined,
  GOOGLE_CLIENT_ID: undefined,
  GOOGLE_CLIENT_SECRET: undefined,
};

type Configured = {
  id: string;
  name: string;
  options: {
    clientId: string;
    clientSecret: string;
    allowDangerousEmailAccountLinking?: boolean;
    profile: (p: Record<string, unknown>) => { id: string; name: string; email: string | null };
    userinfo?: { url: string; request: unknown };
  };
};

describe("OAuth providers from the environment", () => {
  it("offers none when no keys are set (the demo)", () => {
    expect(oauthProviders(none)).toEqual([]);
  });

  it("turns each provider on by its own two keys", () => {
    const github = oauthProviders({
      ...none,
      GITHUB_ID: "gh-id",
      GITHUB_SECRET: "gh-secret",
    }) as unknown as Configured[];
    expect(github.map((p) => [p.id, p.name])).toEqual([["github", "GitHub"]]);
    expect(github[0].options).toMatchObject({ clientId: "gh-id", clientSecret: "gh-secret" });

    const both = oauthProviders({
      GITHUB_ID: "gh-id",
      GITHUB_SECRET: "gh-secret",
      GOOGLE_CLIENT_ID: "g-id",
      GOOGLE_CLIENT_SECRET: "g-secret",
    }) as unknown as Configured[];
    expect(both.map((p) => p.id)).toEqual(["github", "google"]);
    expect(both[1].options).toMatchObject({ clientId: "g-id", clientSecret: "g-secret" });
  });

  it("links to an account by email (checked in the signIn callback) and lower-cases emails as ours are", () => {
    const [github, google] = oauthProviders({
      GITHUB_ID: "a",
      GITHUB_SECRET: "b",
      GOOGLE_CLIENT_ID: "c",
      GOOGLE_CLIENT_SECRET: "d",
    }) as unknown as Configured[];
    for (const p of [github, google]) expect(p.options.allowDangerousEmailAccountLinking).toBe(true);
    // GitHub's verified primary address comes from /user/emails, not the public profile email.
    expect(github.options.userinfo?.url).toBe("https://api.github.com/user");
    expect(github.options.profile({ id: 42, login: "octo", name: null, email: "Octo@Example.COM" })).toMatchObject({
      id: "42",
      name: "octo",
      email: "octo@example.com",
    });
    expect(google.options.profile({ sub: "g-1", name: "G", email: "G@Example.com", picture: "x" })).toMatchObject({
      id: "g-1",
      email: "g@example.com",
    });
  });
});

describe("oauthSignInProblem", () => {
  const verified = { email: "a@example.com", email_verified: true };

  it("lets a verified email in, new or existing", () => {
    expect(oauthSignInProblem({ profile: verified, account: null })).toBeNull();
    expect(
      oauthSignInProblem({ profile: verified, account: { status: "active", twoFactorEnabled: false } }),
    ).toBeNull();
  });

  it("refuses an email the provider has not verified, so it can't take over an account", () => {
    expect(oauthSignInProblem({ profile: { email: "a@example.com", email_verified: false }, account: null })).toBe(
      "EmailNotVerified",
    );
    expect(
      oauthSignInProblem({
        profile: { email: "a@example.com" },
        account: { status: "active", twoFactorEnabled: false },
      }),
    ).toBe("EmailNotVerified");
    expect(oauthSignInProblem({ profile: undefined, account: null })).toBe("EmailNotVerified");
  });

  it("sends two-factor accounts to their password and code, and keeps suspended accounts out", () => {
    expect(oauthSignInProblem({ profile: verified, account: { status: "active", twoFactorEnabled: true } })).toBe(
      "TwoFactorUsePassword",
    );
    expect(oauthSignInProblem({ profile: verified, account: { status: "suspended", twoFactorEnabled: false } })).toBe(
      "AccountSuspended",
    );
  });
});
