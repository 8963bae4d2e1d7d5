// The e2e run's mail server: a real SMTP server (test/smtp-sink.ts) the app under test sends to
// (SMTP_URL), with a small HTTP side on loopback the specs read received messages from:
//   GET  /health             200 once both listen
//   GET  /messages?to=ADDR   the messages to ADDR (all without `to`), oldest first, as JSON
//   POST /reject?address=A   reject A with 550 from now on (code=4xx|5xx to choose)
//   POST /accept?address=A   take A again
// Started by playwright.config.ts as a webServer beside the app; stops on SIGTERM/SIGINT.
//   npx tsx e2e/support/smtp-sink-server.ts --smtp-port 25201 --http-port 26201
import { createServer } from "node:http";
import { parseArgs } from "node:util";

import { startSmtpSink } from "../../test/smtp-sink";

const { values } = parseArgs({
  options: { "smtp-port": { type: "string" }, "http-port": { type: "string" } },
});
const smtpPort = Number(values["smtp-port"]);
const httpPort = Number(values["http-port"]);
if (!Number.isInteger(smtpPort) || !Number.isInteger(httpPort)) {
  console.error("usage: smtp-sink-server.ts --smtp-port N --http-port N");
  process.exit(2);
}

const sink = await startSmtpSink({ port: smtpPort });

const http = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://sink");
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.method === "GET" && url.pathname === "/health") return json(200, { ok: true, smtpPort: sink.port });
  if (req.method === "GET" && url.pathname === "/messages")
    return json(200, sink.messages(url.searchParams.get("to") ?? undefined));
  if (req.method === "POST" && url.pathname === "/reject") {
    const address = url.searchParams.get("address");
    const code = Number(url.searchParams.get("code") ?? 550);
    if (!address || !(code >= 400 && code < 600)) return json(400, { error: "address and a 4xx/5xx code" });
    sink.rejectRecipient(address, code);
    return json(200, { ok: true });
  }
  if (req.method === "POST" && url.pathname === "/accept") {
    const address = url.searchParams.get("address");
    if (!address) return json(400, { error: "address" });
    sink.acceptRecipient(address);
    return json(200, { ok: true });
  }
  json(404, { error: "not found" });
});
await new Promise<void>((resolve) => http.listen(httpPort, "127.0.0.1", resolve));
console.log(`SMTP sink: SMTP on 127.0.0.1:${sink.port}, messages at http://127.0.0.1:${httpPort}/messages`);

const stop = async () => {
  http.close();
  await sink.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
