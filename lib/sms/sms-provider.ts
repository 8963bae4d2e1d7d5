import "server-only";

import { env } from "@/lib/env";

import { twilioSmsProvider } from "./twilio-sms-provider";

/** A provider's verdict on one text message. */
export type SmsResult =
  | { ok: true; providerId: string | null }
  /** Refused for good (a bad or unsubscribed number): retrying would not help. */
  | { ok: false; permanent: true; error: string };

/** Sends text messages. Transient failures (network, 429, 5xx) throw, so the job retries them. */
export type SmsProvider = { name: string; send(msg: { to: string; body: string }): Promise<SmsResult> };

// Without Twilio the stored row is the message: admins read it in the dev SMS inbox (/admin/sms).
const devInbox: SmsProvider = { name: "dev-inbox", send: async () => ({ ok: true, providerId: null }) };

/** Twilio when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM are set, else the dev inbox. */
export function smsProvider(): SmsProvider {
  const e = env();
  if (e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM)
    return twilioSmsProvider({
      accountSid: e.TWILIO_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN,
      from: e.TWILIO_FROM,
      apiBase: e.TWILIO_API_BASE ?? "https://api.twilio.com",
    });
  return devInbox;
}
