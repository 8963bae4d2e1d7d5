// The e2e run's SMTP sink (e2e/support/smtp-sink-server.ts): where it listens, derived from
// E2E_PORT so runs on different ports (several people on one machine) don't collide, and how a
// spec reads what the app emailed.
import type { ReceivedEmail } from "../../test/smtp-sink";

export function smtpSinkAddress(e2ePort: number): {
  smtpPort: number;
  httpPort: number;
  smtpUrl: string;
  httpUrl: string;
} {
  const smtpPort = e2ePort + 22_000;
  const httpPort = e2ePort + 23_000;
  return {
    smtpPort,
    httpPort,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
  };
}

/** The sink's HTTP address for this run, or null against BASE_URL (that instance has its own mail). */
export function smtpSinkUrl(): string | null {
  if (process.env.BASE_URL) return null;
  return smtpSinkAddress(Number(process.env.E2E_PORT ?? 3100)).httpUrl;
}

/** The emails the SMTP server received for `to`, oldest first. */
export async function receivedEmails(to: string): Promise<ReceivedEmail[]> {
  const sink = smtpSinkUrl();
  if (!sink) throw new Error("no SMTP sink: this run uses BASE_URL");
  const res = await fetch(`${sink}/messages?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`SMTP sink answered ${res.status}`);
  return (await res.json()) as ReceivedEmail[];
}

/** Makes the SMTP server reject `address` for good (550) from now on, or (`accept`) take it again. */
export async function setSmtpRecipient(address: string, verdict: "reject" | "accept"): Promise<void> {
  const sink = smtpSinkUrl();
  if (!sink) throw new Error("no SMTP sink: this run uses BASE_URL");
  const res = await fetch(`${sink}/${verdict}?address=${encodeURIComponent(address)}`, { method: "POST" });
  if (!res.ok) throw new Error(`SMTP sink answered ${res.status}`);
}
