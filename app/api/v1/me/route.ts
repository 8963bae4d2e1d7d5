import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ access: "user" }, async ({ user }) => ({ user }));
