import "server-only";

import type { SmsProvider } from "./sms-provider";

type TwilioConfig = { accountSid: string; authToken: string; from: string; apiBase: string };

/**
 * Twilio's Messages resource (POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form
 * encoded, HTTP Basic with the account SID and auth token). Spoken to with fetch rather than
 * the `twilio` package: one documented call does not need the SDK's whole API surface.
 * TWILIO_FROM is a sending number (From) or a Messaging Service SID (MG…, MessagingServiceSid).
 */
export function twilioSmsProvider(config: TwilioConfig): SmsProvider {
  const url = `${config.apiBase.replace(/\/$/, "")}/2010-04-01/Accounts/${config.accountSid}/Messages.json`;
  const auth = Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64");
  return {
    name: "twilio",
    async send({ to, body }) {
      const form = new URLSearchParams({ To: to, Body: body });
      form.set(config.from.startsWith("MG") ? "MessagingServiceSid" : "From", config.from);
      const res = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(10_000),
      });
      const json = (await res.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
      if (res.ok) return { ok: true, providerId: json.sid ?? null };
      const why = `Twilio answered ${res.status}${json.code ? ` (error ${json.code})` : ""}: ${json.message ?? "no message"}`;
      // A 4xx other than 429 is about this message or number (invalid, unsubscribed by STOP, not allowed): final.
      if (res.status >= 400 && res.status < 500 && res.status !== 429)
        return { ok: false, permanent: true, error: why };
      throw new Error(why);
    },
  };
}
