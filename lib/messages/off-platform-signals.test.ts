import { describe, expect, it } from "vitest";

import { offPlatformSignals } from "./off-platform-signals";

describe("offPlatformSignals", () => {
  it.each([
    ["Write me at jane.doe@example.com for a discount", ["email"]],
    ["jane (at) example (dot) com", ["email"]],
    ["Call me on +1 (415) 555-0134", ["phone"]],
    ["text 07700 900123", ["phone"]],
    ["Pay me at paypal.me/janedoe and I ship today", ["payment_link"]],
    ["cheaper if you send via venmo", ["payment_link"]],
    ["Do a wire transfer instead", ["bank_transfer"]],
    ["My IBAN is DE89 3704 0044 0532 0130 00", ["bank_transfer"]],
    ["email me at a@b.co or call 555 123 4567", ["email", "phone"]],
  ])("flags %j", (text, expected) => {
    expect(offPlatformSignals(text)).toEqual(expected);
  });

  it.each([
    "Is the lamp still available in blue?",
    "It costs $1,250.00 and ships in 3 days",
    "Order 3f9a1c2e arrived, thanks!",
    "The box is 30 x 40 x 12 cm",
    "I'd pay with my card at checkout",
  ])("leaves %j alone", (text) => {
    expect(offPlatformSignals(text)).toEqual([]);
  });
});
