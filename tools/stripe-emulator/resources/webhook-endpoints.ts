// Webhook endpoints beyond the one configured by the emulator's options. As on Stripe, the
// signing secret is returned only when an endpoint is created; `connect=true` endpoints receive
// connected accounts' events, the others the platform's.
import type Stripe from "stripe";

import type { Emulator } from "../lib/emulator";
import { newId, randomToken } from "../lib/ids";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata, type Params } from "../lib/params";
import { route } from "../lib/router";

function withoutSecret(endpoint: Stripe.WebhookEndpoint): Stripe.WebhookEndpoint {
  const { secret: _secret, ...rest } = endpoint;
  return rest;
}

function readEndpointInput(p: Params) {
  return {
    url: p.string("url"),
    enabledEvents: p.list("enabled_events"),
    description: p.string("description"),
    disabled: p.bool("disabled"),
    metadata: p.metadata(),
  };
}

function getEndpoint(emu: Emulator, id: string): Stripe.WebhookEndpoint {
  return getOr404(emu.state.webhookEndpoints, id, "webhook_endpoint");
}

export const webhookEndpointRoutes = [
  route({
    method: "POST",
    path: "/v1/webhook_endpoints",
    parse: (p) => ({
      ...readEndpointInput(p),
      url: p.requiredString("url"),
      enabledEvents: p.list("enabled_events") ?? [],
      connect: p.bool("connect") ?? false,
      apiVersion: p.string("api_version"),
    }),
    run: (input, { emu }) => {
      const endpoint: Stripe.WebhookEndpoint = {
        id: newId("we"),
        object: "webhook_endpoint",
        api_version: input.apiVersion ?? null,
        application: null,
        created: emu.now(),
        description: input.description ?? null,
        enabled_events: input.enabledEvents,
        livemode: false,
        metadata: applyMetadata({}, input.metadata),
        secret: `whsec_${randomToken(32)}`,
        status: "enabled",
        url: input.url,
      };
      emu.state.webhookEndpoints[endpoint.id] = endpoint;
      emu.state.endpointScopes[endpoint.id] = input.connect ? "connect" : "platform";
      return endpoint;
    },
  }),
  route({
    method: "GET",
    path: "/v1/webhook_endpoints",
    parse: (p) => readListQuery(p),
    run: (query, { emu }) => {
      const list = paginate(Object.values(emu.state.webhookEndpoints), query, "/v1/webhook_endpoints");
      return { ...list, data: list.data.map(withoutSecret) };
    },
  }),
  route({
    method: "GET",
    path: "/v1/webhook_endpoints/:id",
    parse: () => null,
    run: (_, { emu, path }) => withoutSecret(getEndpoint(emu, path.id)),
  }),
  route({
    method: "POST",
    path: "/v1/webhook_endpoints/:id",
    parse: readEndpointInput,
    run: (input, { emu, path }) => {
      const endpoint = getEndpoint(emu, path.id);
      if (input.url !== undefined) endpoint.url = input.url;
      if (input.enabledEvents) endpoint.enabled_events = input.enabledEvents;
      if (input.description !== undefined) endpoint.description = input.description || null;
      if (input.disabled !== undefined) endpoint.status = input.disabled ? "disabled" : "enabled";
      endpoint.metadata = applyMetadata(endpoint.metadata, input.metadata);
      return withoutSecret(endpoint);
    },
  }),
  route({
    method: "DELETE",
    path: "/v1/webhook_endpoints/:id",
    parse: () => null,
    run: (_, { emu, path }) => {
      getEndpoint(emu, path.id);
      delete emu.state.webhookEndpoints[path.id];
      delete emu.state.endpointScopes[path.id];
      return { id: path.id, object: "webhook_endpoint", deleted: true };
    },
  }),
];
