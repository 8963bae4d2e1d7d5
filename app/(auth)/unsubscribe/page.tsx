import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { isAppError } from "@/lib/errors/app-error";
import { readUnsubscribeToken, type UnsubscribeTarget } from "@/lib/notifications/unsubscribe-by-token";

// The token is in the address: never send it on to another site in a Referer.
export const metadata = { title: "Unsubscribe", referrer: "no-referrer" };

/**
 * Where an email's unsubscribe link leads, signed in or not. Opening it changes nothing (mail
 * scanners open links); the button posts the token to /api/v1/unsubscribe, which needs no
 * JavaScript and no session: the signed token is the authority.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const { token, done } = await searchParams;
  let target: UnsubscribeTarget | null = null;
  let problem = "This page needs the unsubscribe link from one of our emails.";
  if (typeof token === "string" && token.length > 0) {
    try {
      target = await readUnsubscribeToken(token.slice(0, 400));
    } catch (err) {
      if (!isAppError(err)) throw err;
      problem = err.message;
    }
  }
  const settings = (
    <Link href="/account/notifications" className="font-medium underline">
      notification settings
    </Link>
  );
  return (
    <>
      <h1 className="mb-6 text-xl font-bold">Unsubscribe</h1>
      {!target ? (
        <Alert tone="error">
          {problem} You can always choose your emails in your {settings}.
        </Alert>
      ) : !target.enabled ? (
        <div role="status" className="space-y-3">
          <p>
            {done ? "Done: you" : "You"} no longer get emails about <strong>{target.label.toLowerCase()}</strong>.
          </p>
          <p className="text-sm text-gray-600">You can turn them back on at any time in your {settings}.</p>
        </div>
      ) : (
        <form method="post" action={`/api/v1/unsubscribe?token=${encodeURIComponent(token!)}`} className="space-y-4">
          <input type="hidden" name="source" value="page" />
          <p>
            Stop emails about <strong>{target.label.toLowerCase()}</strong>? You will still see them in the app, and
            order emails keep coming.
          </p>
          <button type="submit" className={buttonClass("primary")}>
            Unsubscribe
          </button>
        </form>
      )}
    </>
  );
}
