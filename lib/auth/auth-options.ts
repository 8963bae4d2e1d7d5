import "server-only";

import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { authenticate } from "@/lib/users/authenticate";

import { clientIp } from "./client-ip";

// Sign-in error codes the sign-in page turns into sentences.
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "Email or password is incorrect.",
} as const;

export function authOptions(): NextAuthOptions {
  return {
    // The adapter stores OAuth accounts and users; email + password sessions are JWTs
    // (next-auth requires that for credentials), re-checked against the database by
    // getCurrentUser on every request that needs a user.
    adapter: PrismaAdapter(db() as never),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          (session.user as { id?: string }).id = token.sub;
        }
        return session;
      },
    },
  };
}
