import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";

import { ARG, STALE_FORM } from "./action-args";
import { createServerAction } from "./server-action";

// next.config.ts turns on authInterrupts; Next inlines this flag into its build, so forbidden() needs it here.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= "true";

const digestOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => (err as { digest?: string }).digest,
  );

const user = (role: CurrentUser["role"]): CurrentUser => ({
  id: `u-${role}`,
  email: `${role}@example.test`,
  name: role,
  role,
  sellerId: role === "seller" ? "s-1" : null,
  shopName: null,
  sessionId: `s-${role}`,
  twoFactorEnabled: role === "admin",
});

type State = { error?: string; message?: string; fields?: Record<string, string> };

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("serverAction", () => {
  it("a buyer calling an admin action gets a 403 (Next's forbidden()), and the action does not run", async () => {
    let ran = false;
    const action = createServerAction(async () => user("buyer"))({ access: "admin" }, async (): Promise<State> => {
      ran = true;
      return { message: "done" };
    });
    // The error Next turns into the 403 status and page, not a form state.
    expect(await digestOf(action())).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(ran).toBe(false);
    const admin = createServerAction(async () => user("admin"))({ access: "admin" }, async ({ user }) => ({
      message: user.id,
    }));
    expect(await admin()).toEqual({ message: "u-admin" });
    const withoutTwoFactor = createServerAction(async () => ({ ...user("admin"), twoFactorEnabled: false }))(
      { access: "admin" },
      async () => ({ message: "ran" }),
    );
    expect(await withoutTwoFactor()).toEqual({
      error: "Admins must turn on two-factor sign-in first: set it up at /account/security.",
    });
  });

  it("signed out: the sign-in state for anything but a public action", async () => {
    const serverAction = createServerAction(async () => null);
    expect(await serverAction({ access: "user" }, async () => ({}))()).toEqual({ error: "Sign in to continue." });
    expect(await serverAction({ access: "public" }, async ({ user }) => ({ message: String(user) }))()).toEqual({
      message: "null",
    });
  });

  it("parses the last FormData with the schema (a repeated name becomes a list); a bad form is { error, fields }", async () => {
    const ZTags = z.object({ name: z.string().min(2, "Name it."), tag: z.array(z.string()) }).meta({ title: "Tags" });
    const action = createServerAction(async () => user("buyer"))(
      { access: "user", schema: ZTags },
      async ({ input }, id: string, _prev: State, _form: FormData): Promise<State> => ({
        message: `${id}:${input.name}:${input.tag.join("+")}`,
      }),
    );
    const ok = await action(
      "p1",
      {},
      form([
        ["name", "Lamp"],
        ["tag", "a"],
        ["tag", "b"],
      ]),
    );
    expect(ok).toEqual({ message: "p1:Lamp:a+b" });
    const bad = await action(
      "p1",
      {},
      form([
        ["name", "x"],
        ["tag", "a"],
        ["tag", "b"],
      ]),
    );
    expect(bad).toEqual({ error: "Tags is invalid: name: Name it.", fields: { name: "Name it." } });
  });

  it("an input mapper picks what the schema parses out of the arguments", async () => {
    const action = createServerAction(async () => user("seller"))(
      {
        access: "seller",
        schema: z.object({ count: z.coerce.number().int() }),
        input: (_prev: State, f: FormData) => ({ count: f.get("qty") }),
      },
      async ({ input }, _prev: State, _f: FormData): Promise<State> => ({ message: String(input.count * 2) }),
    );
    expect(await action({}, form([["qty", "21"]]))).toEqual({ message: "42" });
  });

  it("declared arguments are checked before the input mapper or the action reads one", async () => {
    let ran = 0;
    const action = createServerAction(async () => user("seller"))(
      {
        access: "seller",
        args: [ARG.id, ARG.unread, ARG.form],
        schema: z.object({ note: z.string() }),
        input: (_id: string, _prev: State, f: FormData) => ({ note: f.get("note") }),
      },
      async ({ input }, id: string, _prev: State, _f: FormData): Promise<State> => {
        ran++;
        return { message: `${id}: ${input.note}` };
      },
    );
    const id = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
    expect(await action(id, {}, form([["note", "hi"]]))).toEqual({ message: `${id}: hi` });
    // A script's junk: a number for the id, no form, an object where the FormData goes.
    for (const args of [[42, {}, form([])], [id, {}], [id, {}, { note: "hi" }], []] as unknown as [
      string,
      State,
      FormData,
    ][])
      expect(await action(...args)).toEqual({ error: STALE_FORM });
    expect(ran).toBe(1);
  });

  it("an AppError becomes the form's state; an unexpected error is logged and answered generically", async () => {
    const serverAction = createServerAction(async () => user("buyer"));
    const appError = serverAction({ access: "user" }, async (): Promise<State> => {
      throw new AppError("validation_failed", "Check the form.", { fields: { email: "taken" } });
    });
    expect(await appError()).toEqual({ error: "Check the form.", fields: { email: "taken" } });
    const crash = serverAction({ access: "user" }, async (): Promise<State> => {
      throw new Error("connection reset");
    });
    expect(await crash()).toEqual({ error: "Something went wrong on our side. Please try again." });
    const provider = serverAction(
      { access: "user", unexpected: "The payment provider could not be reached. Try again." },
      async (): Promise<State> => {
        throw new Error("ECONNREFUSED");
      },
    );
    expect(await provider()).toEqual({ error: "The payment provider could not be reached. Try again." });
  });

  it("a form with its own state shape maps failures with `failure`", async () => {
    type Stock = { ok: boolean; message: string };
    const action = createServerAction(async () => null)(
      { access: "seller", failure: (f): Stock => ({ ok: false, message: f.error }) },
      async (): Promise<Stock> => ({ ok: true, message: "saved" }),
    );
    expect(await action()).toEqual({ ok: false, message: "Sign in to continue." });
  });

  it("lets Next's redirect() through", async () => {
    const action = createServerAction(async () => user("buyer"))({ access: "user" }, async (): Promise<State> => {
      redirect("/seller?welcome=1");
    });
    await expect(action()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
