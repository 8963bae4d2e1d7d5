import { describe, expect, it } from "vitest";

import { ZAddress } from "@/lib/addresses/address-input";
import { ZAddToCart, ZCartLineInput } from "@/lib/cart/cart-input";
import { ZCartQuantityJson } from "@/lib/cart/cart-json";
import { ZCreateListingJson, ZUpdateListingJson } from "@/lib/catalog/listing-json";
import { ZShipment } from "@/lib/orders/order-input";
import { ZBecomeSeller } from "@/lib/sellers/become-seller";

import { zCents, zEmail, zQuantity, zText, zUrl } from "./input-primitives";

const PRODUCT = "3f1c2b8e-6a4d-4c1e-9b7a-2d5e8f0a1b3c";
const address = {
  fullName: "Ada Lovelace",
  line1: "12 Analytical Row",
  city: "London",
  postalCode: "N1 9GU",
  country: "GB",
};
const listing = { title: "Trail shoe", category_id: 3, price_cents: 4999 };

describe("zText", () => {
  const name = zText({ what: "Name", min: 1, max: 10 });
  const note = zText({ what: "Note", max: 100, multiline: true });

  it("trims, normalises to NFC and bounds the length", () => {
    expect(name.parse("  Zoë  ")).toBe("Zo\u00eb");
    expect(name.parse("Zoe\u0308")).toBe("Zo\u00eb");
    expect(name.safeParse("   ").success).toBe(false);
    expect(name.safeParse("x".repeat(11)).success).toBe(false);
  });

  it("refuses NUL and every other control character; a multi-line field keeps line breaks and tabs", () => {
    for (const bad of ["a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b", "a\nb"])
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(note.parse("line one\n\tline two\r\n")).toBe("line one\n\tline two");
    expect(note.safeParse("a\u0000b").success).toBe(false);
  });

  it("refuses what is not a string", () => {
    for (const bad of [1, true, null, ["a"], { a: 1 }]) expect(name.safeParse(bad).success).toBe(false);
  });
});

describe("zCents and zQuantity", () => {
  const price = zCents({ what: "Price", max: 100_000 });
  const quantity = zQuantity({ what: "Quantity", min: 0, max: 99 });

  it("take a JSON number or a plain run of digits (a form field)", () => {
    expect(price.parse(1999)).toBe(1999);
    expect(price.parse(" 1999 ")).toBe(1999);
    expect(quantity.parse(0)).toBe(0);
    expect(quantity.parse("3")).toBe(3);
  });

  it("never coerce booleans, arrays, null, empty or exponent strings, fractions or out-of-range values", () => {
    for (const bad of [true, false, null, undefined, [2], ["2"], "", " ", "1e3", "0x10", "2.5", 2.5, NaN, Infinity, {}])
      expect(quantity.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    for (const bad of [0, -1, 100_001, true, "1e3"]) expect(price.safeParse(bad).success, String(bad)).toBe(false);
  });
});

describe("zEmail and zUrl", () => {
  it("normalise and check", () => {
    expect(zEmail().parse("  Ada@Example.TEST ")).toBe("ada@example.test");
    expect(zEmail().safeParse("ada\u0000@example.test").success).toBe(false);
    expect(zUrl().parse("https://shop.example/a")).toBe("https://shop.example/a");
    expect(zUrl().safeParse("javascript:alert(1)").success).toBe(false);
  });
});

// The bugs reported in issue #15, each at the schema the route or action parses with.
describe("the schemas refuse what used to answer 500 or cheat", () => {
  it("a NUL byte in a name, an address, a carrier, a listing's title, description or attribute, or a shop name", () => {
    expect(ZAddress.safeParse(address).success).toBe(true);
    expect(ZAddress.safeParse({ ...address, fullName: "Ada\u0000" }).success).toBe(false);
    expect(ZAddress.safeParse({ ...address, line1: "12\u0000 Row" }).success).toBe(false);
    expect(ZAddress.safeParse({ ...address, line2: "\u0000" }).success).toBe(false);
    expect(ZAddress.safeParse({ ...address, city: "Lon\u0000don" }).success).toBe(false);
    expect(ZShipment.safeParse({ carrier: "U\u0000PS", trackingNumber: "1Z999" }).success).toBe(false);
    expect(ZCreateListingJson.safeParse(listing).success).toBe(true);
    expect(ZCreateListingJson.safeParse({ ...listing, title: "Shoe\u0000" }).success).toBe(false);
    expect(ZCreateListingJson.safeParse({ ...listing, description: "Light\u0000" }).success).toBe(false);
    expect(ZCreateListingJson.safeParse({ ...listing, attributes: { colour: "red\u0000" } }).success).toBe(false);
    expect(ZCreateListingJson.safeParse({ ...listing, attributes: { "col\u0000our": "red" } }).success).toBe(false);
    expect(ZUpdateListingJson.safeParse({ title: "\u0000" }).success).toBe(false);
    expect(ZBecomeSeller.safeParse({ shopName: "Ada's\u0000", slug: "adas" }).success).toBe(false);
  });

  it("price_cents: true does not make a 1-cent listing", () => {
    for (const bad of [true, [100], null, "1e3", "12.5"]) {
      expect(ZCreateListingJson.safeParse({ ...listing, price_cents: bad }).success, JSON.stringify(bad)).toBe(false);
      expect(ZUpdateListingJson.safeParse({ price_cents: bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(ZCreateListingJson.safeParse({ ...listing, category_id: true }).success).toBe(false);
    expect(ZCreateListingJson.safeParse({ ...listing, inventory_count: [5] }).success).toBe(false);
  });

  it("quantity: [2] does not add two", () => {
    expect(ZAddToCart.safeParse({ productId: PRODUCT, quantity: [2] }).success).toBe(false);
    expect(ZAddToCart.safeParse({ productId: PRODUCT, quantity: true }).success).toBe(false);
    expect(ZAddToCart.parse({ productId: PRODUCT, quantity: 2 }).quantity).toBe(2);
  });

  it("PATCH quantity null, false or an empty string does not remove the line; 0 does", () => {
    for (const bad of [null, false, "", [0], "0e0"]) {
      expect(ZCartQuantityJson.safeParse({ quantity: bad }).success, JSON.stringify(bad)).toBe(false);
      expect(ZCartLineInput.safeParse({ productId: PRODUCT, quantity: bad }).success).toBe(false);
    }
    expect(ZCartQuantityJson.parse({ quantity: 0 })).toMatchObject({ quantity: 0 });
  });
});
