// Code 39: the simplest widely read 1-D barcode (digits, capitals, - . space $ / + %). Each
// character is nine elements, bar and space alternating from a bar, three of them wide; '*'
// starts and stops the code, and a narrow space separates characters.
const PATTERNS: Record<string, string> = {
  "0": "000110100",
  "1": "100100001",
  "2": "001100001",
  "3": "101100000",
  "4": "000110001",
  "5": "100110000",
  "6": "001110000",
  "7": "000100101",
  "8": "100100100",
  "9": "001100100",
  A: "100001001",
  B: "001001001",
  C: "101001000",
  D: "000011001",
  E: "100011000",
  F: "001011000",
  G: "000001101",
  H: "100001100",
  I: "001001100",
  J: "000011100",
  K: "100000011",
  L: "001000011",
  M: "101000010",
  N: "000010011",
  O: "100010010",
  P: "001010010",
  Q: "000000111",
  R: "100000110",
  S: "001000110",
  T: "000010110",
  U: "110000001",
  V: "011000001",
  W: "111000000",
  X: "010010001",
  Y: "110010000",
  Z: "011010000",
  "-": "010000101",
  ".": "110000100",
  " ": "011000100",
  $: "010101000",
  "/": "010100010",
  "+": "010001010",
  "%": "000101010",
  "*": "010010100",
};

export const CODE39_WIDE = 3;

export function code39Pattern(char: string): string | undefined {
  return PATTERNS[char];
}

/**
 * The bars of `text` in Code 39 as [offset, width] pairs in narrow-module units, plus the
 * total width; throws on a character Code 39 can't carry.
 */
export function code39Bars(text: string): { bars: [number, number][]; width: number } {
  const value = text.toUpperCase();
  for (const c of value) if (c === "*" || !PATTERNS[c]) throw new Error(`Code 39 can't encode "${c}"`);
  const bars: [number, number][] = [];
  let x = 0;
  [...`*${value}*`].forEach((c, i) => {
    if (i > 0) x += 1;
    [...PATTERNS[c]].forEach((bit, j) => {
      const w = bit === "1" ? CODE39_WIDE : 1;
      if (j % 2 === 0) bars.push([x, w]);
      x += w;
    });
  });
  return { bars, width: x };
}
