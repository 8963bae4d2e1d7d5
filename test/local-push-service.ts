// A push service on 127.0.0.1 for tests: an HTTPS server (web-push only speaks https) that
// records each push message and answers with the status the test chose per endpoint, plus the
// browser's side of a subscription: a P-256 key pair and auth secret, and RFC 8291 decryption.
// Hand-written on node:crypto because it is the check of what web-push encrypts: using the same
// library to decrypt would prove nothing.
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, globalAgent, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

const FIXTURES = join(import.meta.dirname, "fixtures");

export type ReceivedPush = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

export type BrowserSubscription = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The browser's private side, which never leaves it. */
  privateKey: Buffer;
  publicKey: Buffer;
  authSecret: Buffer;
};

export type LocalPushService = {
  origin: string;
  received: ReceivedPush[];
  /** The status the endpoint answers from now on (201 by default). */
  answer(path: string, status: number): void;
  /** A new browser subscription whose endpoint is on this service. */
  subscribe(name: string): BrowserSubscription;
  close(): Promise<void>;
};

export async function startLocalPushService(): Promise<LocalPushService> {
  const cert = readFileSync(join(FIXTURES, "local-push-service.crt"));
  const key = readFileSync(join(FIXTURES, "local-push-service.key"));
  // web-push sends through https.globalAgent: trust the test certificate there.
  globalAgent.options.ca = cert;
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  const server: Server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      const status = answers.get(path) ?? 201;
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status === 201 ? "" : "push service says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    answer: (path, status) => answers.set(path, status),
    subscribe(name) {
      const ecdh = createECDH("prime256v1");
      const publicKey = ecdh.generateKeys();
      const authSecret = randomBytes(16);
      return {
        endpoint: `${origin}/push/${name}`,
        keys: { p256dh: publicKey.toString("base64url"), auth: authSecret.toString("base64url") },
        privateKey: ecdh.getPrivateKey(),
        publicKey,
        authSecret,
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/**
 * Decrypts an aes128gcm push message body (RFC 8188 framing, RFC 8291 keys) with the browser's
 * private key and auth secret. Throws when the message was not encrypted for this browser.
 */
export function decryptPushMessage(body: Buffer, sub: BrowserSubscription): string {
  // Header: salt (16) | record size (uint32) | key id length (1) | key id (the sender's public key).
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const senderPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`key id is ${idLength} bytes, not an uncompressed P-256 point`);
  if (ciphertext.length > recordSize) throw new Error("more than one record: not what web-push sends");

  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(sub.privateKey);
  const sharedSecret = ecdh.computeSecret(senderPublicKey);
  // RFC 8291 §3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" 0x00 ua_public as_public, 32).
  const prkKey = hmac(sub.authSecret, sharedSecret);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), sub.publicKey, senderPublicKey]);
  const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));
  // RFC 8188 §2.2: CEK and nonce from HKDF(salt, IKM).
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12);

  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/**
 * Checks the VAPID Authorization header (RFC 8292): `vapid t=<JWT>, k=<public key>`, the JWT
 * signed with ES256 by that key, for the push service's origin. Returns the JWT's claims.
 */
export function verifyVapidHeader(
  header: string | undefined,
  expected: { publicKey: string; audience: string },
): Record<string, unknown> {
  const m = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header ?? "");
  if (!m) throw new Error(`not a vapid Authorization header: ${header}`);
  const [, jwt, k] = m;
  if (k !== expected.publicKey) throw new Error("signed with another key");
  const [head, payload, signature] = jwt.split(".");
  const point = Buffer.from(k, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const ok = verify(
    "sha256",
    Buffer.from(`${head}.${payload}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!ok) throw new Error("VAPID signature does not verify");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
  if (claims.aud !== expected.audience) throw new Error(`audience ${String(claims.aud)}, not ${expected.audience}`);
  return claims;
}
