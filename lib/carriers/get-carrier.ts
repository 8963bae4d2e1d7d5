import "server-only";

import { env, EnvError } from "@/lib/env";

import type { Carrier } from "./carrier";
import { httpCarrier } from "./http-carrier";

let cached: { url: string; carrier: Carrier } | undefined;

/** The configured carrier (CARRIER_API_URL: the local simulator under `npm start` and the tests). */
export function getCarrier(): Carrier {
  const e = env();
  const url = e.CARRIER_API_URL;
  if (!url)
    throw new EnvError(
      "Invalid environment: CARRIER_API_URL is not set (npm start sets it to the local carrier simulator)",
    );
  if (cached?.url !== url) cached = { url, carrier: httpCarrier({ baseUrl: url, apiKey: e.CARRIER_API_KEY }) };
  return cached.carrier;
}
