// Undelivered email in the admin console: a mail server that rejects an address for good makes
// the welcome email bounce and the address suppressed; the admin sees why, lifts the
// suppression, resends, and the email arrives at the SMTP server. Needs the run's SMTP sink.
import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";

import { ADMIN_SESSION_FILE, expect, test } from "./support/fixtures";
import { receivedEmails, setSmtpRecipient, smtpSinkUrl } from "./support/smtp-inbox";

test("a bounced welcome email shows with its reason; lifting the suppression and resending delivers it", async ({
  browser,
  request,
}) => {
  test.skip(!smtpSinkUrl(), "BASE_URL run: the SMTP sink that rejects the address is not there");
  const email = `bounce-${randomBytes(5).toString("hex")}@example.test`;
  await setSmtpRecipient(email, "reject");
  const res = await request.post("/api/v1/users", {
    data: { email, password: "Qa-password-2026!", name: "Bouncing Buyer" },
  });
  expect(res.status(), await res.text()).toBe(201);

  const admin = await (await browser.newContext({ storageState: ADMIN_SESSION_FILE })).newPage();
  await admin.goto("/admin/notifications");
  await admin.getByLabel("Recipient").fill(email);
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/to=bounce-/);
  // Sign-up sends two emails (welcome, confirm your address): the first to go bounces, the
  // other bounces too or, once the address is suppressed, is not attempted.
  const rows = admin.locator("tr[data-notification]");
  await expect(async () => {
    await admin.reload();
    await expect(rows).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(
    rows
      .filter({ hasText: "bounced" })
      .filter({ hasText: /550 .*rejected/ })
      .first(),
  ).toBeVisible();
  const welcome = rows.filter({ hasText: "Welcome to the marketplace" });
  await expect(welcome).toContainText(/bounced|suppressed/);
  await expect(welcome).toContainText("Lift the suppression below to resend");

  await admin.getByLabel("Status").selectOption("bounced");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/status=bounced/);
  await expect(rows.first()).toContainText("bounced");
  await expect(rows.filter({ hasNotText: "bounced" })).toHaveCount(0);
  expect(await receivedEmails(email)).toEqual([]);
  const results = await new AxeBuilder({ page: admin }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The mailbox works again: lift the suppression, then resend. The list refreshes after each:
  // the address leaves the suppressions, the email leaves the undelivered ones.
  await setSmtpRecipient(email, "accept");
  const lift = admin.getByRole("form", { name: `Lift the suppression of ${email}` });
  await lift.getByRole("button").click();
  await expect(lift).toHaveCount(0);
  await admin.goto(`/admin/notifications?to=${encodeURIComponent(email)}`);
  await expect(welcome).not.toContainText("Lift the suppression below");
  await welcome.getByRole("button", { name: /^Resend/ }).click();
  await expect(welcome).toHaveCount(0);
  await expect
    .poll(async () => (await receivedEmails(email)).map((m) => m.subject), { timeout: 30_000 })
    .toContain("Welcome to the marketplace");

  // Both decisions are in the audit log.
  await admin.goto("/admin/audit?action=notification.resent");
  await expect(admin.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  await admin.goto("/admin/audit?action=email_suppression.lifted");
  await expect(admin.getByRole("row").filter({ hasText: email }).first()).toBeVisible();
});
