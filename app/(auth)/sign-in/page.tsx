import { listOAuthProviders } from "@/lib/auth/list-oauth-providers";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-bold">Sign in</h1>
      <SignInForm
        callbackUrl={safeCallbackUrl(callbackUrl)}
        providers={listOAuthProviders()}
        initialError={typeof error === "string" ? signInErrorMessage(error) : null}
      />
    </>
  );
}
