import { randomBytes } from "node:crypto";

import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";

import { liftEmailSuppression } from "./lift-email-suppression";
import { listEmailSuppressions } from "./list-email-suppressions";
import { listUndeliveredNotifications } from "./list-undelivered-notifications";
import { queueEmail } from "./queue-email";
import { resendNotification } from "./resend-notification";
import { sendNotification } from "./send-notification";

let sink: SmtpSink;
let transporter: nodemailer.Transporter;
const retry = { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 };

beforeAll(async () => {
  sink = await startSmtpSink();
  transporter = nodemailer.createTransport(sink.url);
});
afterAll(async () => {
  transporter.close();
  await sink.stop();
});

const address = () => `dl-${randomBytes(4).toString("hex")}@example.test`;
const queue = async (to: string, subject: string) =>
  (await db().$transaction((tx) => queueEmail(tx, { to, template: "test", subject, body: "Body" })))!;
const send = (id: string) => sendNotification(db(), id, { transporter, retry });
const auditOf = (targetId: string) => db().auditEvent.findMany({ where: { targetId }, orderBy: { occurredAt: "asc" } });

describe("undelivered email: the dead-letter view, resend and suppressions", () => {
  it("lists a bounced email with its reason; resend waits for the suppression to be lifted; both are audited", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const to = address();
    sink.rejectRecipient(to);
    const id = await queue(to, "Bounces");
    expect(await send(id)).toBe("bounced");

    const bounced = await listUndeliveredNotifications({ status: "bounced", to });
    expect(bounced.rows).toMatchObject([{ id, status: "bounced", attempts: 1, suppressed: true }]);
    expect(bounced.rows[0]!.reason).toMatch(/^550 /);
    expect(bounced.counts.bounced).toBeGreaterThanOrEqual(1);
    expect((await listEmailSuppressions({ address: to })).rows).toMatchObject([{ address: to, notificationId: id }]);

    await expect(resendNotification({ notificationId: id, adminId: admin.id })).rejects.toMatchObject({
      status: 409,
      message: `${to} is suppressed: lift the suppression first, then resend.`,
    });
    expect((await db().notification.findUniqueOrThrow({ where: { id } })).status).toBe("bounced");

    expect(await liftEmailSuppression({ address: to.toUpperCase(), adminId: admin.id })).toBe(true);
    expect(await liftEmailSuppression({ address: to, adminId: admin.id })).toBe(false);
    expect(await auditOf(to)).toMatchObject([
      { action: "email_suppression.lifted", actorId: admin.id, targetType: "email_suppression" },
    ]);

    sink.reset();
    await resendNotification({ notificationId: id, adminId: admin.id });
    const requeued = await db().notification.findUniqueOrThrow({ where: { id } });
    expect(requeued).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: null });
    const [audit] = await auditOf(id);
    expect(audit).toMatchObject({ action: "notification.resent", actorId: admin.id, targetType: "notification" });
    expect(audit!.details).toMatchObject({ to, was: "bounced", attempts: 1 });
    const jobs = await db().$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE data->>'notificationId' = ${id}`;
    expect(Number(jobs[0]!.n)).toBe(2);

    expect(await send(id)).toBe("sent");
    expect(sink.messages(to)).toHaveLength(1);
    expect((await listUndeliveredNotifications({ to })).rows).toEqual([]);
  });

  it("resends a failed email once, even when two admins click at once; a sent one cannot be resent", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const to = address();
    const id = await queue(to, "Fails");
    sink.failNext(2, 421);
    expect(await send(id)).toBe("retrying");
    expect(await send(id)).toBe("failed");
    expect((await listUndeliveredNotifications({ status: "failed", to })).rows).toMatchObject([
      { id, attempts: 2, suppressed: false },
    ]);
    // Another status filter does not show it.
    expect((await listUndeliveredNotifications({ status: "bounced", to })).rows).toEqual([]);

    const both = await Promise.allSettled([
      resendNotification({ notificationId: id, adminId: admin.id }),
      resendNotification({ notificationId: id, adminId: admin.id }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await auditOf(id)).toHaveLength(1);

    expect(await send(id)).toBe("sent");
    await expect(resendNotification({ notificationId: id, adminId: admin.id })).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      resendNotification({ notificationId: "00000000-0000-4000-8000-000000000000", adminId: admin.id }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("ignores a status filter that is not one of the undelivered ones", async () => {
    const r = await listUndeliveredNotifications({ status: "sent" as never, page: "x" as never });
    expect(r.query).toMatchObject({ status: undefined, page: 1 });
    expect(r.rows.every((n) => ["failed", "bounced", "suppressed"].includes(n.status))).toBe(true);
  });
});
