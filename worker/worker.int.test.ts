import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { sendNotification } from "@/lib/mail/send-notification";
import { createAccount } from "@/lib/users/create-account";

import { startWorker } from "./start-worker";

describe("the worker", () => {
  let worker: { stop: () => Promise<void> };
  beforeAll(async () => {
    worker = await startWorker({ connectionString: process.env.DATABASE_URL!, pollingIntervalSeconds: 0.5 });
  });
  afterAll(() => worker.stop());

  it("delivers the welcome email queued at sign-up into the mailbox within seconds", async () => {
    const user = await createAccount(
      { email: `w-${randomBytes(4).toString("hex")}@example.test`, password: "Good-password-1", name: "W" },
      { ip: "10.9.9.9", appUrl: "http://x" },
    );
    const deadline = Date.now() + 15_000;
    let status = "queued";
    while (Date.now() < deadline && status !== "sent") {
      await new Promise((r) => setTimeout(r, 200));
      status = (await db().notification.findFirstOrThrow({ where: { userId: user.id, template: "welcome" } })).status;
    }
    expect(status).toBe("sent");
  });

  it("sending the same notification twice delivers it once", async () => {
    const n = await db().notification.create({
      data: { channel: "email", template: "t", toAddress: "a@example.test", subject: "s", body: "b" },
    });
    const results = await Promise.all([sendNotification(db(), n.id), sendNotification(db(), n.id)]);
    expect(results.sort()).toEqual(["sent", "skipped"]);
    const sentAt = (await db().notification.findUniqueOrThrow({ where: { id: n.id } })).sentAt;
    expect(await sendNotification(db(), n.id)).toBe("skipped");
    expect((await db().notification.findUniqueOrThrow({ where: { id: n.id } })).sentAt).toEqual(sentAt);
  });
});
