// Goods the platform does not allow, and wording typical of scams.
export const PROHIBITED_TERMS = [
  "counterfeit",
  "replica",
  "knockoff",
  "fake id",
  "stolen",
  "firearm",
  "ammunition",
  "cocaine",
  "heroin",
  "opioid",
  "prescription drugs",
  "wire transfer only",
  "western union",
  "gift card payment",
];

export function findProhibitedTerms(text: string): string[] {
  const normalized = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  return PROHIBITED_TERMS.filter((term) => normalized.includes(` ${term} `));
}
