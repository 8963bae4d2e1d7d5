import Link from "next/link";

import { MessageComposer } from "./message-composer";

type State = { error?: string; fields?: Record<string, string> };

/** "Ask a question": a buyer's first message to the shop, about a product or an order. */
export function AskSeller({
  action,
  shopName,
  signInHref,
}: {
  action: ((prev: State, form: FormData) => Promise<State>) | null;
  shopName: string;
  /** Where a signed-out visitor signs in first (null: they are signed in). */
  signInHref: string | null;
}) {
  if (!action) {
    return signInHref ? (
      <p className="text-sm">
        <Link href={signInHref} className="underline">
          Sign in to ask {shopName} a question
        </Link>
      </p>
    ) : null;
  }
  return (
    <details className="rounded-lg border border-gray-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">Ask a question</summary>
      <div className="mt-3">
        <MessageComposer
          action={action}
          formLabel={`Ask ${shopName} a question`}
          label={`Your question for ${shopName}`}
          submitLabel="Send question"
          photos={false}
        />
        <p className="mt-2 text-xs text-muted">
          Keep payment on the marketplace: that is how your purchase stays protected.
        </p>
      </div>
    </details>
  );
}
