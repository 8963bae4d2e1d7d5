import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-bold">Sign in</h1>
      <SignInForm callbackUrl={safeCallbackUrl(callbackUrl)} />
    </>
  );
}
