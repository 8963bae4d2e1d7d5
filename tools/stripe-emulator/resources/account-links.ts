// Account Links: a single-use URL to the emulator's hosted onboarding page (pages/onboarding.ts).
import type Stripe from "stripe";

import { randomToken } from "../lib/ids";
import { route } from "../lib/router";
import { connectedAccount } from "./accounts";

const LINK_LIFETIME_SECONDS = 300;

export const accountLinkRoutes = [
  route({
    method: "POST",
    path: "/v1/account_links",
    parse: (p) => {
      const input = {
        account: p.requiredString("account"),
        type: p.oneOf("type", ["account_onboarding", "account_update"] as const) ?? p.requiredString("type"),
        refreshUrl: p.requiredString("refresh_url"),
        returnUrl: p.requiredString("return_url"),
      };
      p.ignore("collect", "collection_options");
      return input;
    },
    run: (input, { emu }): Stripe.AccountLink => {
      connectedAccount(emu, input.account, "account");
      const token = randomToken(32);
      const created = emu.now();
      emu.state.accountLinks[token] = {
        token,
        account: input.account,
        type: input.type,
        refresh_url: input.refreshUrl,
        return_url: input.returnUrl,
        expires_at: created + LINK_LIFETIME_SECONDS,
        used: false,
      };
      return {
        object: "account_link",
        created,
        expires_at: created + LINK_LIFETIME_SECONDS,
        url: `${emu.baseUrl}/connect/onboarding/${token}`,
      };
    },
  }),
];
