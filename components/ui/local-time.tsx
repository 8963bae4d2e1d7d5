"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A moment in the viewer's own locale and time zone. The server can't know either, so it
 * renders the UTC time (the same on every server, so hydration matches) and the browser
 * replaces it with the local one.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso)),
    () => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`,
  );
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}

/** A month and year in the viewer's locale ("December 2026"); the UTC month before hydration. */
export function LocalDate({ iso, className }: { iso: string; className?: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, { year: "numeric", month: "long" }).format(new Date(iso)),
    () => new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(iso)),
  );
  return (
    <time dateTime={iso.slice(0, 10)} className={className}>
      {text}
    </time>
  );
}
