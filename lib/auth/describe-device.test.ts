import { describe, expect, it } from "vitest";

import { describeDevice } from "./describe-device";

describe("describeDevice", () => {
  it("names the browser and the system", () => {
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe(
      "Firefox on Windows",
    );
    expect(
      describeDevice(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iOS (mobile)");
  });

  it("says nothing for a missing or unknown agent", () => {
    expect(describeDevice(null)).toBeNull();
    expect(describeDevice("curl/8.5.0")).toBeNull();
  });
});
