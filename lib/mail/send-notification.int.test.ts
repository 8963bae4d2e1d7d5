import { randomBytes } from "node:crypto";

import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";

import { queueEmail } from "./queue-email";
import { sendNotification } from "./send-notification";

// Real SMTP: the sink is an smtp-server on a free port; nodemailer speaks to it over TCP.
let sink: SmtpSink;
let transporter: nodemailer.Transporter;
// No wait between attempts, so a test can run them back to back.
const retry = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 };

beforeAll(async () => {
  sink = await startSmtpSink();
  transporter = nodemailer.createTransport(sink.url);
});
afterAll(async () => {
  transporter.close();
  await sink.stop();
});
beforeEach(() => sink.reset());

const address = () => `Mail-${randomBytes(4).toString("hex")}@Example.test`;

async function queue(to: string, subject = "Your order shipped") {
  const id = await db().$transaction((tx) =>
    queueEmail(tx, { to, template: "test", subject, body: `Hello ${to},\nit is on its way.` }),
  );
  return id!;
}
const row = (id: string) => db().notification.findUniqueOrThrow({ where: { id } });
const jobsFor = (id: string) =>
  db().$queryRaw<
    { start_after: Date }[]
  >`SELECT start_after FROM pgboss.job WHERE data->>'notificationId' = ${id} ORDER BY created_on`;

describe("sendNotification over SMTP", () => {
  it("delivers the email to the SMTP server with its recipient, subject and body, and records it sent", async () => {
    const to = address();
    const id = await queue(to);
    expect((await row(id)).status).toBe("queued");

    expect(await sendNotification(db(), id, { transporter, retry })).toBe("sent");

    const mail = await sink.waitFor(to);
    expect(mail.to).toEqual([to.toLowerCase()]);
    expect(mail.subject).toBe("Your order shipped");
    // The template's words, then the footer saying why it came; and the same words as HTML.
    expect(mail.text.trim()).toMatch(new RegExp(`^Hello ${to.replace(/[.+]/g, "\\$&")},\nit is on its way\.\n\n-- \n`));
    expect(mail.text).toContain("Notification settings: ");
    expect(mail.html).toContain("it is on its way.");
    // An account email can't be turned off: no one-click unsubscribe header.
    expect(mail.headers["list-unsubscribe"]).toBeUndefined();
    expect(mail.from).toBe("no-reply@marketplace.local");
    expect(mail.messageId).toBe(`<${id}@localhost>`);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, error: null, nextAttemptAt: null });
  });

  it("retries a 421 with a scheduled job, then sends it; the error of the failed attempt stays on the row", async () => {
    const to = address();
    const id = await queue(to);
    sink.failNext(1, 421);

    const before = Date.now();
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("retrying");
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "queued", attempts: 1, claimedUntil: null });
    expect(failed.error).toMatch(/^421 /);
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before);
    // The queueing job and the retry's job, due at the next attempt's time.
    const jobs = await jobsFor(id);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.start_after.getTime()).toBe(failed.nextAttemptAt!.getTime());
    expect(sink.messages(to)).toHaveLength(0);

    expect(await sendNotification(db(), id, { transporter, retry })).toBe("sent");
    expect(sink.messages(to)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, nextAttemptAt: null });
    expect((await row(id)).error).toMatch(/^421 /);
  });

  it("waits for the scheduled time: a run before the next attempt is due does nothing", async () => {
    const id = await queue(address());
    sink.failNext(1);
    const later = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 };
    expect(await sendNotification(db(), id, { transporter, retry: later })).toBe("retrying");
    expect(await sendNotification(db(), id, { transporter, retry: later })).toBe("skipped");
    expect((await row(id)).attempts).toBe(1);
  });

  it("after the last attempt a transient failure is final: failed, the dead letter", async () => {
    const to = address();
    const id = await queue(to);
    sink.failNext(10, 451);
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("retrying");
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("retrying");
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("failed");
    const dead = await row(id);
    expect(dead).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
    expect(dead.error).toMatch(/^451 /);
    expect(await jobsFor(id)).toHaveLength(3);
    // Nothing more happens to it.
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("skipped");
    expect(sink.messages(to)).toHaveLength(0);
  });

  it("treats a refused connection as transient", async () => {
    const closed = await startSmtpSink();
    await closed.stop();
    const nowhere = nodemailer.createTransport(closed.url);
    const id = await queue(address());
    expect(await sendNotification(db(), id, { transporter: nowhere, retry })).toBe("retrying");
    expect((await row(id)).error).toMatch(/ECONNREFUSED|ECONNECTION/);
  });

  it("a 550 for the recipient bounces it and suppresses the address; the next email to it is not attempted", async () => {
    const to = address();
    sink.rejectRecipient(to, 550);
    const first = await queue(to);
    expect(await sendNotification(db(), first, { transporter, retry })).toBe("bounced");
    const bounced = await row(first);
    expect(bounced).toMatchObject({ status: "bounced", attempts: 1, nextAttemptAt: null });
    expect(bounced.error).toMatch(/^550 .*rejected/);
    // Not retried: only the queueing job exists.
    expect(await jobsFor(first)).toHaveLength(1);
    const suppression = await db().emailSuppression.findUniqueOrThrow({ where: { address: to.toLowerCase() } });
    expect(suppression).toMatchObject({ notificationId: first });
    expect(suppression.reason).toMatch(/^550 /);

    // The server would now accept it: a second email is still not attempted.
    sink.reset();
    const second = await queue(to.toUpperCase(), "Another one");
    expect(await sendNotification(db(), second, { transporter, retry })).toBe("suppressed");
    const skipped = await row(second);
    expect(skipped).toMatchObject({ status: "suppressed", attempts: 0 });
    expect(skipped.error).toContain(`${to.toLowerCase()} is suppressed`);
    expect(sink.messages()).toHaveLength(0);
  });

  it("a 5xx that is not about the recipient fails the email without suppressing the address", async () => {
    const to = address();
    const id = await queue(to);
    // The server refuses our sender (at MAIL FROM): final, but the recipient did nothing wrong.
    sink.failNext(1, 553);
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("failed");
    expect((await row(id)).error).toMatch(/^553 /);
    expect(await jobsFor(id)).toHaveLength(1);
    expect(await db().emailSuppression.findUnique({ where: { address: to.toLowerCase() } })).toBeNull();
  });

  it("sending twice (a retried job, two workers) delivers once", async () => {
    const to = address();
    const id = await queue(to);
    const results = await Promise.all([
      sendNotification(db(), id, { transporter, retry }),
      sendNotification(db(), id, { transporter, retry }),
    ]);
    expect(results.sort()).toEqual(["sent", "skipped"]);
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("skipped");
    expect(sink.messages(to)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it("a worker that died mid-send leaves a claim that a later run takes over once it lapses", async () => {
    const to = address();
    const id = await queue(to);
    await db().notification.update({
      where: { id },
      data: { attempts: 1, claimedUntil: new Date(Date.now() + 60_000) },
    });
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("skipped");
    await db().notification.update({ where: { id }, data: { claimedUntil: new Date(Date.now() - 1) } });
    expect(await sendNotification(db(), id, { transporter, retry })).toBe("sent");
    expect(sink.messages(to)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(2);
  });
});
