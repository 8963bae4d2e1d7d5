import "server-only";

import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { authenticate } from "@/lib/users/authenticate";

import { clientIp } from "./client-ip";
import { createUserSession, type SignInMethod } from "./create-user-session";
import { deviceIdFromCookieHeader } from "./device-cookie";
import { oauthProviders } from "./oauth-providers";
import { oauthSignInProblem } from "./oauth-sign-in-problem";
import { recordRequestSignal } from "./record-request-signal";
import { revokeUserSession } from "./revoke-user-session";
import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";
import { TWO_FACTOR_REQUIRED } from "./sign-in-errors";
import { verifySecondFactor } from "./verify-second-factor";

/** Who is signing in, from the request next-auth's route handler is answering. */
export type SignInRequest = { userAgent: string | null; ip: string | null };

/**
 * next-auth's configuration. The route handler passes its request, so a sign-in records the
 * browser and address on its session row; elsewhere (getServerSession) none is needed.
 */
export function authOptions(request?: SignInRequest): NextAuthOptions {
  return {
    // The adapter stores OAuth accounts and users; sessions are JWTs (next-auth requires that
    // for credentials), re-checked against the database by getCurrentUser on every request
    // that needs a user. Each sign-in also gets a user_sessions row whose id (`sid`) the JWT
    // carries, so a session can be ended.
    adapter: PrismaAdapter(db() as never),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    secret: env().NEXTAUTH_SECRET,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Authentication code", type: "text" },
        },
        // Two steps, and no session before the second: the password, then (with two-factor on)
        // the same form again with the code. A missing code answers TwoFactorRequired.
        async authorize(credentials, req) {
          try {
            const ip = clientIp(req?.headers);
            const user = await authenticate({ email: credentials?.email, password: credentials?.password, ip });
            if (!user) return null;
            const code = typeof credentials?.code === "string" ? credentials.code : "";
            const second = await verifySecondFactor({ userId: user.id, code, ip });
            if (second === "missing") throw new Error(TWO_FACTOR_REQUIRED);
            if (second === "refused") throw new Error("TwoFactorInvalid");
            await recordRequestSignal({
              userId: user.id,
              action: "sign_in",
              origin: {
                ip,
                deviceId: deviceIdFromCookieHeader(headerOf(req?.headers, "cookie"), env().NEXTAUTH_SECRET),
                userAgent: headerOf(req?.headers, "user-agent") ?? "",
              },
            });
            return user;
          } catch (err) {
            // next-auth passes a thrown message to the client as the error code.
            if (isAppError(err)) throw new Error(err.message);
            throw err;
          }
        },
      }),
      ...oauthProviders(env()),
    ],
    callbacks: {
      async signIn({ account, profile, user }) {
        if (!account || account.type === "credentials") return true;
        const email = typeof user.email === "string" ? user.email.toLowerCase() : null;
        const existing = email
          ? await db().user.findUnique({
              where: { email },
              select: { status: true, twoFactor: { select: { enabledAt: true } } },
            })
          : null;
        const problem = oauthSignInProblem({
          profile: profile as Record<string, unknown> | undefined,
          account: existing
            ? { status: existing.status, twoFactorEnabled: Boolean(existing.twoFactor?.enabledAt) }
            : null,
        });
        return problem ? `/sign-in?error=${problem}` : true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
          token.sid = await createUserSession({
            userId: user.id,
            method: (account?.provider ?? "credentials") as SignInMethod,
            userAgent: request?.userAgent ?? null,
            ip: request?.ip ?? null,
          });
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          (session.user as { id?: string }).id = token.sub;
        }
        (session as { sid?: unknown }).sid = token.sid;
        return session;
      },
    },
    events: {
      // Every copy of the cookie stops working, not only the one this browser deletes.
      async signOut({ token }) {
        if (typeof token?.sub === "string" && typeof token.sid === "string")
          await revokeUserSession({ userId: token.sub, sessionId: token.sid });
      },
    },
  };
}

/** One header from next-auth's request (a plain object of Node's headers). */
function headerOf(headers: Record<string, unknown> | undefined, name: string): string | null {
  const v = headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? v.join("; ") : null;
}
