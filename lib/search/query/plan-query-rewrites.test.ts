import { describe, expect, it } from "vitest";

import { planQueryRewrites } from "./plan-query-rewrites";

const kinds = (r: ReturnType<typeof planQueryRewrites>) => r.map((x) => x.kind);

describe("planQueryRewrites", () => {
  it("plans nothing for words the vocabulary knows and nothing to correct", () => {
    expect(planQueryRewrites(["wireless", "headphones"], { corrected: null, unknown: new Set() })).toEqual([]);
  });

  it("tries an unknown last word as the start of a longer one, then its correction, then trigrams", () => {
    const r = planQueryRewrites(["sneak"], { corrected: ["snake"], unknown: new Set(["sneak"]) });
    expect(r).toEqual([{ kind: "prefix" }, { kind: "corrected", tokens: ["snake"] }, { kind: "fuzzy" }]);
  });

  it("treats a short last word as still being typed (and, failing that, leaves it out)", () => {
    expect(planQueryRewrites(["red", "ca"], { corrected: null, unknown: new Set() })).toEqual([
      { kind: "prefix" },
      { kind: "known-words", tokens: ["red"] },
    ]);
  });

  it("keeps only the known words when some are numbers, too short or unknown", () => {
    const r = planQueryRewrites(["headphones", "1", "xq"], { corrected: null, unknown: new Set() });
    expect(r).toEqual([{ kind: "prefix" }, { kind: "known-words", tokens: ["headphones"] }]);
    const garbled = planQueryRewrites(["headphones", "zzqx"], { corrected: null, unknown: new Set(["zzqx"]) });
    expect(garbled).toEqual([{ kind: "prefix" }, { kind: "known-words", tokens: ["headphones"] }, { kind: "fuzzy" }]);
  });

  it("does not plan a known-words search that would drop every word or none", () => {
    expect(kinds(planQueryRewrites(["zzqx", "vvbn"], { corrected: null, unknown: new Set(["zzqx", "vvbn"]) }))).toEqual(
      ["prefix", "fuzzy"],
    );
    expect(
      kinds(planQueryRewrites(["headphnoes"], { corrected: ["headphones"], unknown: new Set(["headphnoes"]) })),
    ).toEqual(["prefix", "corrected", "fuzzy"]);
  });
});
