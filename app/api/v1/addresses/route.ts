import { z } from "zod";

import { addAddress } from "@/lib/addresses/add-address";
import { listAddresses } from "@/lib/addresses/list-addresses";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ access: "user" }, async ({ user }) => ({ addresses: await listAddresses(user.id) }));

export const POST = apiRoute({ access: "user", body: z.record(z.string(), z.unknown()) }, async ({ user, body }) => {
  const a = await addAddress(user.id, {
    fullName: body.full_name ?? body.fullName,
    line1: body.line1,
    line2: body.line2,
    city: body.city,
    region: body.region,
    postalCode: body.postal_code ?? body.postalCode,
    country: body.country,
    phone: body.phone,
    isDefault: body.is_default ?? body.isDefault,
  });
  return Response.json(a, { status: 201 });
});
