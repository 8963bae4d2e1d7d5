import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-2 text-xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-sm text-muted">
        Enter the email address of your account and we&apos;ll send you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
    </>
  );
}
