"use client";

import { useEffect, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type State = "checking" | "unsupported" | "not-configured" | "denied" | "off" | "on";

// PushManager.subscribe wants the VAPID public key as bytes.
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  return navigator.serviceWorker.ready;
}

async function send(method: "POST" | "DELETE", body: unknown): Promise<void> {
  const res = await fetch("/api/v1/me/push-subscriptions", {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(json?.error?.message ?? "Something went wrong. Please try again.");
  }
}

/** Turns web push on or off for this browser: asks permission, subscribes, and tells the server. */
export function PushToggle({ publicKey }: { publicKey: string | null }) {
  const [state, setState] = useState<State>("checking");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let next: State;
      if (!publicKey) next = "not-configured";
      else if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window))
        next = "unsupported";
      else if (Notification.permission === "denied") next = "denied";
      else {
        const reg = await navigator.serviceWorker.getRegistration("/");
        const sub = await reg?.pushManager.getSubscription();
        next = sub ? "on" : "off";
      }
      if (!cancelled) setState(next);
    })().catch(() => !cancelled && setState("unsupported"));
    return () => {
      cancelled = true;
    };
  }, [publicKey]);

  async function turnOn() {
    if (!publicKey) return;
    setBusy(true);
    setError(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "denied" : "off");
        return;
      }
      const reg = await registration();
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      await send("POST", sub.toJSON());
      setState("on");
    } catch (err) {
      setError(err instanceof Error ? err.message : "Push could not be turned on in this browser.");
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    setError(null);
    try {
      const reg = await navigator.serviceWorker.getRegistration("/");
      const sub = await reg?.pushManager.getSubscription();
      if (sub) {
        await send("DELETE", { endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setState("off");
    } catch (err) {
      setError(err instanceof Error ? err.message : "Push could not be turned off.");
    } finally {
      setBusy(false);
    }
  }

  const text: Record<State, string> = {
    checking: "Checking this browser…",
    unsupported: "This browser cannot receive push notifications.",
    "not-configured": "Push notifications are not set up on this site.",
    denied: "This browser blocks notifications from this site: allow them in the browser's site settings first.",
    off: "Push notifications are off on this device.",
    on: "Push notifications are on for this device.",
  };
  return (
    <div className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <p role="status" className="text-sm">
        {text[state]}
      </p>
      {error ? <Alert>{error}</Alert> : null}
      {state === "off" ? (
        <Button type="button" onClick={turnOn} disabled={busy}>
          {busy ? "Turning on…" : "Turn on push notifications"}
        </Button>
      ) : null}
      {state === "on" ? (
        <Button type="button" variant="secondary" onClick={turnOff} disabled={busy}>
          {busy ? "Turning off…" : "Turn off push notifications"}
        </Button>
      ) : null}
      <p className="text-xs text-muted">
        Which events are pushed is chosen below. Push and text messages wait for the end of your quiet hours.
      </p>
    </div>
  );
}
