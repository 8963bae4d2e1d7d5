import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";

import { authOptions } from "./auth-options";
import { createUserSession } from "./create-user-session";
import { findSessionUser } from "./find-session-user";
import { listUserSessions } from "./list-user-sessions";
import { revokeUserSession } from "./revoke-user-session";
import { revokeUserSessions } from "./revoke-user-sessions";
import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** What next-auth does on a sign-in and a sign-out, through our own callbacks. */
async function signInThroughNextAuth(userId: string) {
  const options = authOptions({ userAgent: FIREFOX, ip: "203.0.113.9" });
  const token = await options.callbacks!.jwt!({
    token: {},
    user: { id: userId, role: "buyer" } as never,
    account: { provider: "credentials", type: "credentials", providerAccountId: userId },
  });
  return { options, token };
}

describe("session rows", () => {
  it("a sign-in records a session with its device, and sign-out ends every copy of its cookie", async () => {
    const user = await createUser(db());
    const { options, token } = await signInThroughNextAuth(user.id);
    expect(token.sid).toEqual(expect.any(String));
    const sid = token.sid as string;

    expect(await findSessionUser({ userId: user.id, sessionId: sid })).toMatchObject({
      id: user.id,
      sessionId: sid,
    });
    const [listed] = await listUserSessions({ userId: user.id });
    expect(listed).toMatchObject({ id: sid, method: "credentials", device: "Firefox on Windows", ip: "203.0.113.9" });

    await options.events!.signOut!({ token, session: null as never });
    expect(await findSessionUser({ userId: user.id, sessionId: sid })).toBeNull();
    expect(await listUserSessions({ userId: user.id })).toEqual([]);
  });

  it("a session id only works with its own user", async () => {
    const [a, b] = [await createUser(db()), await createUser(db())];
    const sid = await createUserSession({ userId: a.id, method: "credentials", userAgent: null, ip: null });
    expect(await findSessionUser({ userId: b.id, sessionId: sid })).toBeNull();
    expect(await revokeUserSession({ userId: b.id, sessionId: sid })).toBe(false);
    expect(await findSessionUser({ userId: a.id, sessionId: sid })).not.toBeNull();
  });

  it("revokeUserSessions ends all of a user's sessions but the one kept, and no one else's", async () => {
    const [user, other] = [await createUser(db()), await createUser(db())];
    const mk = (userId: string) => createUserSession({ userId, method: "credentials", userAgent: null, ip: null });
    const [keep, end1, end2, others] = [await mk(user.id), await mk(user.id), await mk(user.id), await mk(other.id)];

    expect(await revokeUserSessions({ userId: user.id, exceptSessionId: keep })).toBe(2);
    expect(await findSessionUser({ userId: user.id, sessionId: keep })).not.toBeNull();
    expect(await findSessionUser({ userId: user.id, sessionId: end1 })).toBeNull();
    expect(await findSessionUser({ userId: user.id, sessionId: end2 })).toBeNull();
    expect(await findSessionUser({ userId: other.id, sessionId: others })).not.toBeNull();

    expect(await revokeUserSessions({ userId: user.id })).toBe(1);
    expect(await findSessionUser({ userId: user.id, sessionId: keep })).toBeNull();
  });

  it("a suspended account's sessions stop working, and come back with reinstatement", async () => {
    const user = await createUser(db());
    const sid = await createUserSession({ userId: user.id, method: "credentials", userAgent: null, ip: null });
    await db().user.update({ where: { id: user.id }, data: { status: "suspended" } });
    expect(await findSessionUser({ userId: user.id, sessionId: sid })).toBeNull();
    await db().user.update({ where: { id: user.id }, data: { status: "active" } });
    expect(await findSessionUser({ userId: user.id, sessionId: sid })).not.toBeNull();
  });

  it("last seen moves at most once a minute, and a session unused for the cookie's lifetime is over", async () => {
    const user = await createUser(db());
    const sid = await createUserSession({ userId: user.id, method: "credentials", userAgent: null, ip: null });
    const seen = async () => (await db().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();

    const first = await seen();
    await findSessionUser({ userId: user.id, sessionId: sid });
    expect(await seen()).toBe(first);

    await db().userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    await findSessionUser({ userId: user.id, sessionId: sid });
    expect(await seen()).toBeGreaterThan(Date.now() - 60_000);

    const stale = new Date(Date.now() - (SESSION_MAX_AGE_SECONDS + 60) * 1000);
    await db().userSession.update({ where: { id: sid }, data: { lastSeenAt: stale } });
    expect(await findSessionUser({ userId: user.id, sessionId: sid })).toBeNull();
    expect((await db().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(stale);
  });
});
