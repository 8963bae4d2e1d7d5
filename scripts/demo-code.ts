// `npm run demo:code`: the demo admin's current two-factor code, for trying the demo without
// adding the published secret to an authenticator app. Demo data only: any other account's
// secret is sealed in the database and never printed.
import { generate } from "otplib";

import { DEMO_ADMIN_TOTP_SECRET, DEMO_LOGINS } from "../dev/seed/demo-logins";

const admin = DEMO_LOGINS.find((l) => l.role === "admin")!;
const left = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${admin.email}: ${await generate({ secret: DEMO_ADMIN_TOTP_SECRET })} (good for ${left} more seconds)`);
