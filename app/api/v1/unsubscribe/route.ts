import { NextResponse } from "next/server";
import { z } from "zod";

import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { unsubscribeByToken } from "@/lib/notifications/unsubscribe-by-token";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

const ZUnsubscribeQuery = z.object({
  token: z.string().min(1).max(400).meta({ description: "The signed token from the email's List-Unsubscribe link." }),
});

/** The page that asks before anything changes (a link opened, or prefetched by a mail scanner, writes nothing). */
function pageUrl(token: string, done = false): string {
  return `${env().APP_URL}/unsubscribe?token=${encodeURIComponent(token)}${done ? "&done=1" : ""}`;
}

/** Opening the List-Unsubscribe link shows the confirmation page; nothing is written on GET. */
export const GET = apiRoute(
  {
    access: "public",
    query: ZUnsubscribeQuery,
    rateLimit: RATE_LIMIT_POLICIES.unsubscribe,
    summary: "Open an email's unsubscribe link (redirects to the confirmation page)",
    status: 303,
  },
  async ({ query }) => NextResponse.redirect(pageUrl(query.token), 303),
);

/**
 * One-click unsubscribe (RFC 8058): a mail provider POSTs `List-Unsubscribe=One-Click` here, with
 * no session and no CSRF token (none is possible by the spec); the signed token is the authority.
 * The confirmation page's form posts here too and is sent back to the page, which says it is done.
 */
export const POST = apiRoute(
  {
    access: "public",
    query: ZUnsubscribeQuery,
    rateLimit: RATE_LIMIT_POLICIES.unsubscribe,
    crossSiteWrites: true,
    summary: "Turn off the email group the signed token names (one-click unsubscribe, RFC 8058)",
  },
  async ({ query, req }) => {
    const form = await req.text().catch(() => "");
    const target = await unsubscribeByToken(query.token);
    if (new URLSearchParams(form).get("source") === "page")
      return NextResponse.redirect(pageUrl(query.token, true), 303);
    return Response.json({ unsubscribed: { group: target.group, channel: target.channel } });
  },
);
