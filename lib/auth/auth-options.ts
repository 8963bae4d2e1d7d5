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
import { revokeUserSession } from "./revoke-user-session";
import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

// Sign-in error codes the sign-in page turns into sentences.
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "Email or password is incorrect.",
} as const;

/** Who is signing in, from the request next-auth's route handler is answering. */
export type SignInRequest = { userAgent: string | null; ip: string | null };

/**
 * next-auth's configuration. The route handler passes its request, so a sign-in records the
 * browser and address on its session row; elsewhere (getServerSession) none is needed.
 */
export function authOptions(request?: SignInRequest): NextAuthOptions {
  return {
    // The adapter stores OAuth accounts and users; email + password sessions are JWTs
    // (next-auth requires that for credentials), re-checked against the database by
    // getCurrentUser on every request that needs a user. Each sign-in also gets a
    // user_sessions row whose id (`sid`) the JWT carries, so a session can be ended.
    adapter: PrismaAdapter(db() as never),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    secret: env().NEXTAUTH_SECRET,
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            return await authenticate({
              email: credentials?.email,
              password: credentials?.password,
              ip: clientIp(req?.headers),
            });
          } catch (err) {
            // next-auth passes a thrown message to the client as the error code.
            if (isAppError(err)) throw new Error(err.message);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
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
