"use client";
/** A string state mirrored to localStorage under `key`, so drafts survive reloads and crashes. */
import { useEffect, useState } from "react";

export function useStoredDraft(key: string, fallback: string): [string, (value: string) => void] {
  const [state, setState] = useState<{ key: string; value: string }>({ key, value: fallback });

  // Read after mount (localStorage does not exist during server rendering) and when the key changes.
  useEffect(() => {
    const stored = window.localStorage.getItem(key);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing from an external store on key change
    setState({ key, value: stored ?? fallback });
  }, [key, fallback]);

  const value = state.key === key ? state.value : fallback;
  const setValue = (next: string) => {
    setState({ key, value: next });
    try {
      window.localStorage.setItem(key, next);
    } catch {
      // Storage full or disabled: the draft still lives in memory.
    }
  };
  return [value, setValue];
}
