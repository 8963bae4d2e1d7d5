import { z } from "zod";

import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { createAccount } from "@/lib/users/create-account";

/** Sign-up: creates a buyer account; createAccount validates the fields after the IP rate limit. */
export const POST = apiRoute({ access: "public", body: z.record(z.string(), z.unknown()) }, async ({ req, body }) => {
  const user = await createAccount(body, { ip: clientIp(req.headers), appUrl: env().APP_URL });
  return Response.json({ id: user.id, email: user.email }, { status: 201 });
});
