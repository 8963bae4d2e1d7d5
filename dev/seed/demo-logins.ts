// The accounts the demo seed creates, printed by `npm start` and used by the e2e suite.
// Public on purpose: they exist only in demo data.
const DEMO_PASSWORD = "Demo-Market-2026";

export const DEMO_LOGINS = [
  { role: "buyer", email: "buyer@demo.market", password: DEMO_PASSWORD, name: "Dana Buyer" },
  { role: "seller", email: "seller@demo.market", password: DEMO_PASSWORD, name: "Sam Seller" },
  { role: "admin", email: "admin@demo.market", password: DEMO_PASSWORD, name: "Ari Admin" },
] as const satisfies readonly { role: "buyer" | "seller" | "admin"; email: string; password: string; name: string }[];
