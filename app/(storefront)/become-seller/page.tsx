import { redirect } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { getAccountSettings } from "@/lib/users/get-account-settings";

import { ResendVerificationForm } from "../account/settings/settings-forms";
import { BecomeSellerForm } from "./become-seller-form";

export const metadata = { title: "Become a seller" };

export default async function BecomeSellerPage() {
  const user = await requirePageUser("/become-seller");
  if (user.sellerId) redirect("/seller");
  const settings = await getAccountSettings(user.id);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Open your shop"
        description="List products, get paid when buyers confirm delivery. It takes a minute."
      />
      {settings && !settings.emailVerified ? (
        <div className="mb-4 space-y-2">
          <Alert tone="info">
            Confirm your email address first: use the link we emailed to {settings.email}, then open your shop.
          </Alert>
          <ResendVerificationForm />
        </div>
      ) : null}
      <div className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm">
        <BecomeSellerForm />
      </div>
    </div>
  );
}
