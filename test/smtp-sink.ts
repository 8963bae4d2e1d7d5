// A real SMTP server for tests (smtp-server, in this process, on a free loopback port) that keeps
// what it receives, parsed by mailparser. It can be told to reject a recipient for good (550 at
// RCPT TO) or to fail the next few messages for now (421 at MAIL FROM), as a real server
// does when it is greylisting or overloaded. Used by the integration tests and, through
// e2e/support/smtp-sink-server.ts, by the e2e run's app.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  headers: Record<string, string>;
  receivedAt: string;
};

export type SmtpSink = {
  port: number;
  /** smtp://127.0.0.1:<port>, the value for SMTP_URL. */
  url: string;
  messages: (to?: string) => ReceivedEmail[];
  /** Waits until a message to `to` matching `match` arrives (or throws after `timeoutMs`). */
  waitFor: (to: string, match?: (m: ReceivedEmail) => boolean, timeoutMs?: number) => Promise<ReceivedEmail>;
  rejectRecipient: (address: string, code?: number) => void;
  /** Takes `address` again (undoes rejectRecipient). */
  acceptRecipient: (address: string) => void;
  /** The next `count` messages fail with `code` (421: try later) at MAIL FROM. */
  failNext: (count: number, code?: number) => void;
  reset: () => void;
  stop: () => Promise<void>;
};

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpSink(opts: { port?: number; host?: string } = {}): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const rejected = new Map<string, number>();
  let temporary = { count: 0, code: 421 };
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    // Loopback only and no TLS: a sink for tests, not a mail server.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onMailFrom(_address, _session, callback) {
      if (temporary.count > 0) {
        temporary = { ...temporary, count: temporary.count - 1 };
        return callback(
          smtpError(
            temporary.code,
            temporary.code < 500 ? "Service temporarily unavailable, try again later" : "Sender address rejected",
          ),
        );
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      const code = rejected.get(address.address.toLowerCase());
      if (code)
        return callback(smtpError(code, `<${address.address}>: Recipient address rejected: mailbox unavailable`));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const headers: Record<string, string> = {};
          for (const line of mail.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            messageId: mail.messageId ?? null,
            headers,
            receivedAt: new Date().toISOString(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  server.on("error", () => {});
  const address = (server as unknown as { server: { address: () => { port: number } } }).server.address();
  const port = address.port;

  const messages = (to?: string) => (to ? received.filter((m) => m.to.includes(to.toLowerCase())) : [...received]);

  return {
    port,
    url: `smtp://${host}:${port}`,
    messages,
    waitFor(to, match = () => true, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages(to).find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no email to ${to} within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    rejectRecipient(addr, code = 550) {
      rejected.set(addr.toLowerCase(), code);
    },
    acceptRecipient(addr) {
      rejected.delete(addr.toLowerCase());
    },
    failNext(count, code = 421) {
      temporary = { count, code };
    },
    reset() {
      received.length = 0;
      rejected.clear();
      temporary = { count: 0, code: 421 };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
