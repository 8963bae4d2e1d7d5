import { redirect } from "next/navigation";

import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";

import { BecomeSellerForm } from "./become-seller-form";

export const metadata = { title: "Become a seller" };

export default async function BecomeSellerPage() {
  const user = await requirePageUser("/become-seller");
  if (user.sellerId) redirect("/seller");
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Open your shop"
        description="List products, get paid when buyers confirm delivery. It takes a minute."
      />
      <div className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm">
        <BecomeSellerForm />
      </div>
    </div>
  );
}
