"use client";
/**
 * A timestamp in the user's locale and time zone (the one date policy, lib/format), for pages
 * rendered on the server: the server does not know the user's zone, so it renders the time in
 * UTC with the zone named, and the browser renders it in the user's zone once hydrated (no
 * hydration mismatch, because the first client render matches the server's).
 */
import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/lib/format";

const subscribe = () => () => undefined;

/** False on the server and during hydration, true afterwards. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

export function LocalTime({ value, showZone = true }: { value: Date | string; showZone?: boolean }) {
  const hydrated = useHydrated();
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return <>{String(value)}</>;
  const text = formatDateTime(date, hydrated ? { showZone } : { timeZone: "UTC", locale: "en-US", showZone: true });
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {text}
    </time>
  );
}
