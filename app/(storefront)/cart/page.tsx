import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Cart" };

export default function CartPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Your cart" />
      <div className="rounded-xl border border-dashed border-gray-300 bg-white p-10 text-center">
        <p className="font-medium">Your cart is empty.</p>
        <Link href="/search" className="mt-3 inline-block text-brand-700 underline">Browse products</Link>
      </div>
    </div>
  );
}
