// Signs the demo admin in once for the whole run and saves the session for every spec that
// needs an admin (`signIn(page, demoLogin("admin"))`) and for the dev-mailbox reader.
// A TOTP code is good once, so specs signing the admin in through the form in parallel each
// need their own 30-second step and queue behind each other; one shared session does not.
// The two-factor form itself is tested in account-security.spec.ts.
import { expect, test as setup } from "@playwright/test";
import { generate } from "otplib";

import { DEMO_ADMIN_TOTP_SECRET } from "../dev/seed/demo-logins";
import { ADMIN_SESSION_FILE, demoLogin } from "./support/fixtures";

setup("the demo admin signs in once for the run", async ({ request }) => {
  setup.setTimeout(150_000);
  const admin = demoLogin("admin");
  for (let attempt = 0; attempt < 4; attempt++) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const code = await generate({ secret: DEMO_ADMIN_TOTP_SECRET });
    await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: admin.email, password: admin.password, code, json: "true" },
    });
    const me = await request.get("/api/v1/me");
    if (me.ok()) {
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe(admin.email);
      await request.storageState({ path: ADMIN_SESSION_FILE });
      return;
    }
    // This step's code was just used (an earlier run against the same instance): wait for the next.
    await new Promise((r) => setTimeout(r, 30_500 - (Date.now() % 30_000)));
  }
  throw new Error("the demo admin could not sign in with a TOTP code in four 30-second steps");
});
