import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";

import { getShipToAddress } from "./get-buyer-country";

async function buyerWith(countries: string[]) {
  const u = await createUser(db());
  const ids: string[] = [];
  for (const [i, country] of countries.entries()) {
    const a = await db().address.create({
      data: {
        userId: u.id,
        fullName: "Pat",
        line1: "1 Main St",
        city: "X",
        postalCode: "1",
        country,
        isDefault: i === 0,
      },
    });
    ids.push(a.id);
  }
  return { id: u.id, ids };
}

describe("getShipToAddress", () => {
  it("quotes the buyer's chosen address, else their default; never another buyer's", async () => {
    const me = await buyerWith(["US", "DE"]);
    const them = await buyerWith(["JP"]);
    expect(await getShipToAddress(me.id)).toEqual({ id: me.ids[0], country: "US" });
    expect(await getShipToAddress(me.id, me.ids[1])).toEqual({ id: me.ids[1], country: "DE" });
    expect(await getShipToAddress(me.id, them.ids[0])).toEqual({ id: me.ids[0], country: "US" });
    expect(await getShipToAddress(me.id, "not-an-id")).toEqual({ id: me.ids[0], country: "US" });
    expect(await getShipToAddress((await createUser(db())).id, me.ids[0])).toBeNull();
  });
});
