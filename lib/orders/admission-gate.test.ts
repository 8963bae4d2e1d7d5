import { describe, expect, it } from "vitest";

import { memoryAdmissionGate } from "./admission-gate";

function gateWithStock(initial: Record<string, number>) {
  const stock = { ...initial };
  const reads: string[] = [];
  let clock = 0;
  const gate = memoryAdmissionGate({
    loadStock: async (id) => {
      reads.push(id);
      await new Promise((r) => setTimeout(r, 1));
      return stock[id] ?? 0;
    },
    now: () => clock,
  });
  return { gate, stock, reads, tick: (ms: number) => (clock += ms) };
}

describe("the in-process admission gate", () => {
  it("admits up to the stock it loaded once, then says sold out", async () => {
    const { gate, reads } = gateWithStock({ p: 3 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => gate.admit("p", 1)));
    expect(answers.filter((a) => a === "admitted")).toHaveLength(3);
    expect(answers.filter((a) => a === "sold_out")).toHaveLength(2);
    expect(reads).toEqual(["p"]);
  });

  it("asks the database again before a sold-out answer, at most once a second per product", async () => {
    const { gate, stock, reads, tick } = gateWithStock({ p: 1 });
    expect(await gate.admit("p", 1)).toBe("admitted");
    stock.p = 2; // another process returned stock (1 still reserved, 1 back) without telling this one
    expect(await gate.admit("p", 1)).toBe("sold_out");
    expect(reads).toHaveLength(1);
    tick(1_000);
    const answers = await Promise.all(Array.from({ length: 4 }, () => gate.admit("p", 1)));
    expect(answers.sort()).toEqual(["admitted", "admitted", "sold_out", "sold_out"]);
    expect(reads).toHaveLength(2);
  });

  it("gives back what a refused checkout took, and a reset replaces the count", async () => {
    const { gate, reads } = gateWithStock({ p: 1 });
    expect(await gate.admit("p", 1)).toBe("admitted");
    await gate.release("p", 1);
    expect(await gate.admit("p", 1)).toBe("admitted");
    await gate.reset("p", 5);
    expect(await gate.admit("p", 5)).toBe("admitted");
    expect(await gate.admit("p", 1)).toBe("sold_out");
    expect(reads).toEqual(["p"]);
  });

  it("a release before anything was loaded does not invent a count", async () => {
    const { gate } = gateWithStock({ p: 0 });
    await gate.release("p", 4);
    expect(await gate.admit("p", 1)).toBe("sold_out");
  });
});
