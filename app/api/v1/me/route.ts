import { apiRoute } from "@/lib/http/api-route";
import { deleteAccount, ZAccountDeletion } from "@/lib/privacy/delete-account";

export const GET = apiRoute({ access: "user" }, async ({ user }) => ({ user }));

/** Deletes the signed-in person's account (password and "DELETE" required); 409 while money is in flight. */
export const DELETE = apiRoute(
  { access: "user", body: ZAccountDeletion, summary: "Delete your account" },
  async ({ user, body }) => {
    const { deletedAt } = await deleteAccount(user.id, body);
    return { deleted_at: deletedAt.toISOString() };
  },
);
