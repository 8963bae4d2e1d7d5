// The accounts the demo seed creates, printed by `npm start` and used by the e2e suite.
// Public on purpose: they exist only in demo data. Admins must use two-factor sign-in, so the
// demo admin is enrolled with a published authenticator secret (add it to an app, or run
// `npm run demo:code` for the current code).
const DEMO_PASSWORD = "Demo-Market-2026";
export const DEMO_ADMIN_TOTP_SECRET = "DEMOADMINTOTPSECRETFORTHEMARKETS";

export const DEMO_LOGINS = [
  { role: "buyer", email: "buyer@demo.market", password: DEMO_PASSWORD, name: "Dana Buyer" },
  { role: "seller", email: "seller@demo.market", password: DEMO_PASSWORD, name: "Sam Seller" },
  {
    role: "admin",
    email: "admin@demo.market",
    password: DEMO_PASSWORD,
    name: "Ari Admin",
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  },
] as const satisfies readonly {
  role: "buyer" | "seller" | "admin";
  email: string;
  password: string;
  name: string;
  totpSecret?: string;
}[];
