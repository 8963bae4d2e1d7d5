import { describe, expect, it } from "vitest";

import { buildTsQuery } from "../engines/build-tsquery";
import { buildSynonymMap, expandSynonyms } from "./expand-synonyms";
import { normalizeQuery, singular } from "./normalize-query";

describe("normalizeQuery", () => {
  it("lower-cases, folds accents and keeps only letters and digits", () => {
    expect(normalizeQuery("  Café   CRÈME-brûlée 2.5L!! ")).toEqual({
      text: "cafe creme brulee 2 5l",
      tokens: ["cafe", "creme", "brulee", "2", "5l"],
    });
  });

  it("strips every query-language metacharacter", () => {
    for (const raw of ["'; DROP TABLE products; --", "a & b | !c:* <-> (d)", ".*[(\\", "%_%", '"x"', "\u0000\u200b"]) {
      expect(normalizeQuery(raw).text).toMatch(/^[\p{L}\p{N} ]*$/u);
    }
  });

  it("caps the number and length of words", () => {
    expect(normalizeQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" ")).tokens).toHaveLength(12);
    expect(normalizeQuery(`${"x".repeat(41)} ok`).tokens).toEqual(["ok"]);
  });

  it("keeps non-Latin scripts", () => {
    expect(normalizeQuery("Kopfhörer ヘッドホン").tokens).toEqual(["kopfhorer", "ヘッドホン"]);
  });

  it("singularizes simply", () => {
    expect(["shoes", "headphones", "batteries", "boxes", "glass"].map(singular)).toEqual([
      "shoe",
      "headphone",
      "battery",
      "box",
      "glass",
    ]);
  });
});

describe("synonyms", () => {
  const map = buildSynonymMap(
    [
      ["sofa", "couch"],
      ["tv", "television", "Flat Screen"],
    ],
    (s) => normalizeQuery(s).text,
  );

  it("works both ways", () => {
    expect(expandSynonyms(["couch"], map)).toEqual([[["couch"], ["sofa"]]]);
    expect(expandSynonyms(["sofa"], map)).toEqual([[["sofa"], ["couch"]]]);
  });

  it("matches multi-word synonyms, longest first", () => {
    expect(expandSynonyms(["big", "flat", "screen"], map)).toEqual([
      [["big"]],
      [["flat", "screen"], ["tv"], ["television"]],
    ]);
  });
});

describe("buildTsQuery", () => {
  it("ANDs words, ORs synonyms, chains phrases, and prefixes the last word when asked", () => {
    expect(buildTsQuery([[["red"]], [["couch"], ["sofa"]]])).toBe("red & (couch | sofa)");
    expect(buildTsQuery([[["red"]], [["couch"], ["sofa"]]], { prefixLast: true })).toBe("red & (couch:* | sofa)");
    expect(buildTsQuery([[["tv"], ["flat", "screen"]]])).toBe("(tv | (flat <-> screen))");
    expect(buildTsQuery([[["wireless"]], [["he"]]], { prefixLast: true })).toBe("wireless & he");
  });

  it("never emits anything but words and its own operators", () => {
    expect(buildTsQuery([[["a:*"]], [["b|c"]]])).toBeNull();
    expect(buildTsQuery([])).toBeNull();
  });
});
