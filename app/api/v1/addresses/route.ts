import { addAddress } from "@/lib/addresses/add-address";
import { ZAddressJson } from "@/lib/addresses/address-json";
import { listAddresses } from "@/lib/addresses/list-addresses";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ access: "user" }, async ({ user }) => ({ addresses: await listAddresses(user.id) }));

export const POST = apiRoute({ access: "user", body: ZAddressJson, status: 201 }, async ({ user, body }) => {
  const a = await addAddress(user.id, body);
  return Response.json(a, { status: 201 });
});
