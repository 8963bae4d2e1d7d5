import Link from "next/link";

import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Your account" />
      <dl className="grid grid-cols-1 gap-4 rounded-xl border border-gray-200 bg-white p-6 shadow-sm sm:grid-cols-2">
        <div>
          <dt className="text-sm text-muted">Name</dt>
          <dd className="font-medium">{user.name ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Email</dt>
          <dd className="font-medium">{user.email}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Account type</dt>
          <dd className="font-medium capitalize">{user.role}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Shop</dt>
          <dd className="font-medium">
            {user.shopName ? (
              <Link href="/seller" className="text-brand-700 underline">
                {user.shopName}
              </Link>
            ) : (
              <Link href="/become-seller" className="text-brand-700 underline">
                Become a seller
              </Link>
            )}
          </dd>
        </div>
      </dl>
      <p className="mt-4 text-sm">
        <Link href="/account/settings" className="font-medium text-brand-700 underline">
          Account settings
        </Link>{" "}
        <span className="text-muted">— email, password, download your data, delete your account</span>
      </p>
      <p className="mt-2 text-sm">
        <Link href="/account/security" className="font-medium text-brand-700 underline">
          Security: signed-in sessions
        </Link>
      </p>
    </div>
  );
}
