// Runs code inside the request scope Next gives a route handler or a server action, so the
// real handlers' cookies(), headers() and getServerSession() read this request; and mints the
// session cookie a credentials sign-in sets (next-auth's own JWT encoder, the test secret), with
// the user_sessions row a sign-in records, since every request checks it.
import { createRequire } from "node:module";

import { encode } from "next-auth/jwt";

import { SOCKET_ADDRESS_HEADER, socketAddressValue } from "@/lib/auth/socket-address";
import { db } from "@/lib/db/client";

const nodeRequire = createRequire(import.meta.url);

export const SESSION_COOKIE = "next-auth.session-token";

export async function sessionCookie(user: { id: string; email: string; role: string }): Promise<string> {
  const { id: sid } = await db().userSession.create({
    data: { userId: user.id, method: "credentials", userAgent: "vitest" },
    select: { id: true },
  });
  const token = await encode({
    token: { sub: user.id, email: user.email, role: user.role, sid },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: 3600,
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** Headers of a request from `socket` (as the socket-address hook stamps them), with the session cookie if any. */
export function requestHeaders(opts: { cookie?: string; socket?: string; extra?: Record<string, string> } = {}) {
  return {
    [SOCKET_ADDRESS_HEADER]: socketAddressValue(opts.socket ?? "198.51.100.1"),
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
    ...opts.extra,
  };
}

// A data cache that keeps nothing: every unstable_cache read runs its query, as outside Next, and
// revalidatePath() (which needs a cache present) only records its tags on the work store.
const KEEPS_NOTHING = {
  isOnDemandRevalidate: false,
  generateSimpleCacheKey: async (key: string) => key,
  get: async () => null,
  set: async () => {},
};

export function inRequestScope<T>(url: string, headers: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  // Node's own require, so these are the instances next/headers reads (not copies through Vite).
  const { workUnitAsyncStorage } = nodeRequire("next/dist/server/app-render/work-unit-async-storage.external");
  const { createRequestStoreForAPI } = nodeRequire("next/dist/server/async-storage/request-store");
  const store = createRequestStoreForAPI({ headers } as never, new URL(url), undefined as never, undefined, {
    previewModeId: "test",
    previewModeEncryptionKey: "test",
    previewModeSigningKey: "test",
  });
  const { workAsyncStorage } = nodeRequire("next/dist/server/app-render/work-async-storage.external");
  const { createWorkStore } = nodeRequire("next/dist/server/async-storage/work-store");
  const work = createWorkStore({
    page: new URL(url).pathname,
    renderOpts: {
      experimental: {},
      waitUntil: undefined,
      onClose: () => {},
      onAfterTaskError: undefined,
      incrementalCache: KEEPS_NOTHING,
    },
    isPrefetchRequest: false,
    buildId: "test",
    previouslyRevalidatedTags: [],
  });
  return workAsyncStorage.run(work, () => workUnitAsyncStorage.run(store, fn));
}
