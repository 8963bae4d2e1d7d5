import Link from "next/link";

import { Alert } from "@/components/ui/alert";

import { VerifyEmailForm } from "./verify-email-form";

// The token is in the address: never send it on to another site in a Referer.
export const metadata = { title: "Confirm your email address", referrer: "no-referrer" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-bold">Confirm your email address</h1>
      {typeof token === "string" && token.length > 0 ? (
        <VerifyEmailForm token={token.slice(0, 200)} />
      ) : (
        <Alert>
          This page needs the link from your confirmation email. Send a new one from{" "}
          <Link href="/account/settings" className="font-medium underline">
            your account settings
          </Link>
          .
        </Alert>
      )}
    </>
  );
}
