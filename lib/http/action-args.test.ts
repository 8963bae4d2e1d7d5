import { describe, expect, it } from "vitest";

import { ARG, checkActionArgs, STALE_FORM } from "./action-args";

describe("checkActionArgs", () => {
  it("hands the action its arguments as the schemas read them, extra ones untouched", () => {
    const form = new FormData();
    // A numeric id bound by our page arrives as a number; a script may send the string "1".
    expect(checkActionArgs([ARG.serial, ARG.unread, ARG.form], ["1", { any: 1 }, form, "extra"])).toEqual([
      1,
      { any: 1 },
      form,
      "extra",
    ]);
    expect(checkActionArgs([ARG.serial], [7])).toEqual([7]);
  });

  it("refuses an argument its schema does not allow with the stale-form message", () => {
    expect(() => checkActionArgs([ARG.serial], ["x"])).toThrow(STALE_FORM);
    expect(() => checkActionArgs([ARG.id, ARG.form], ["not-a-uuid", new FormData()])).toThrow(STALE_FORM);
    expect(() => checkActionArgs([ARG.unread, ARG.form], [{}, "not a form"])).toThrow(STALE_FORM);
  });
});
