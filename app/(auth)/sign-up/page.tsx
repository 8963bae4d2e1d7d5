import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

import { SignUpForm } from "./sign-up-form";

export const metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-bold">Create your account</h1>
      <SignUpForm callbackUrl={safeCallbackUrl(callbackUrl)} />
    </>
  );
}
