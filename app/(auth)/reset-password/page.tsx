import Link from "next/link";

import { Alert } from "@/components/ui/alert";

import { ResetPasswordForm } from "./reset-password-form";

// The token is in the address: never send it on to another site in a Referer.
export const metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-bold">Choose a new password</h1>
      {typeof token === "string" && token.length > 0 ? (
        <ResetPasswordForm token={token.slice(0, 200)} />
      ) : (
        <Alert>
          This page needs the link from your password reset email.{" "}
          <Link href="/forgot-password" className="font-medium underline">
            Send me one
          </Link>
        </Alert>
      )}
    </>
  );
}
