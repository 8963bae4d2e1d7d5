import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { recordRequestSignal } from "@/lib/auth/record-request-signal";
import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";

import { listAccountClusters } from "./list-account-clusters";

const from = (o: { deviceId?: string; ip?: string }) => ({
  ip: o.ip ?? `198.51.100.${Math.floor(Math.random() * 250)}`,
  deviceId: o.deviceId ?? randomBytes(16).toString("hex"),
  userAgent: "test",
});

describe("account linking", () => {
  it("accounts joined by a device and a street address are one cluster, a suspended member's first; a crowded IP links nobody", async () => {
    const [a, b, c, loner] = await Promise.all([
      createUser(db()),
      createUser(db()),
      createUser(db()),
      createUser(db()),
    ]);
    await db().user.update({ where: { id: c.id }, data: { status: "suspended" } });
    const device = randomBytes(16).toString("hex");
    await recordRequestSignal({ userId: a.id, action: "sign_up", origin: from({ deviceId: device }) });
    await recordRequestSignal({ userId: b.id, action: "sign_in", origin: from({ deviceId: device }) });
    const street = `${Math.floor(Math.random() * 1e6)} Linked Lane`;
    for (const u of [b, c])
      await db().address.create({
        data: { userId: u.id, fullName: "X", line1: street, city: "Portland", postalCode: "97201", country: "US" },
      });
    // A café's Wi-Fi: eleven accounts, the loner among them.
    const cafe = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const crowd = await Promise.all(Array.from({ length: 10 }, () => createUser(db())));
    for (const u of [loner, ...crowd])
      await recordRequestSignal({ userId: u.id, action: "sign_in", origin: from({ ip: cafe }) });

    const clusters = await listAccountClusters({ limit: 500 });
    const ours = clusters.find((cl) => cl.accounts.some((x) => x.id === a.id))!;
    expect(ours.accounts.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(ours.links).toEqual([
      { kind: "device", count: 1 },
      { kind: "address", count: 1 },
    ]);
    expect(ours.hasSuspended).toBe(true);
    expect(clusters[0].hasSuspended).toBe(true);
    expect(clusters.some((cl) => cl.accounts.some((x) => x.id === loner.id))).toBe(false);
  });
});
