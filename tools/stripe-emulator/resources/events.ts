// Events of the calling account: the platform's own, or a connected account's via Stripe-Account.
import { missingResource } from "../lib/errors";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { route, type RequestContext } from "../lib/router";

function visibleTo(ctx: RequestContext, eventAccount: string | undefined): boolean {
  return ctx.connected ? eventAccount === ctx.account : eventAccount === undefined;
}

export const eventRoutes = [
  route({
    method: "GET",
    path: "/v1/events",
    connect: true,
    parse: (p) => ({
      query: readListQuery(p),
      type: p.string("type"),
      types: p.list("types"),
      deliverySuccess: p.bool("delivery_success"),
    }),
    run: ({ query, type, types, deliverySuccess }, ctx) => {
      // `type` may end in `.*` (e.g. `charge.*`), as on Stripe.
      const matchesType = (eventType: string) =>
        (type === undefined || (type.endsWith(".*") ? eventType.startsWith(type.slice(0, -1)) : eventType === type)) &&
        (types === undefined || types.includes(eventType));
      return paginate(
        Object.values(ctx.emu.state.events).filter(
          (e) =>
            visibleTo(ctx, e.account) &&
            matchesType(e.type) &&
            (deliverySuccess === undefined || (e.pending_webhooks === 0) === deliverySuccess),
        ),
        query,
        "/v1/events",
      );
    },
  }),
  route({
    method: "GET",
    path: "/v1/events/:id",
    connect: true,
    parse: () => null,
    run: (_, ctx) => {
      const event = getOr404(ctx.emu.state.events, ctx.path.id, "event");
      if (!visibleTo(ctx, event.account)) throw missingResource("event", ctx.path.id);
      return event;
    },
  }),
];
