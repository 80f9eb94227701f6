"use client";
/**
 * A string state mirrored to localStorage under `draftKey` for the signed-in user, so drafts
 * survive reloads and crashes but never reach the next person on the same browser
 * (lib/local-drafts.ts). Outside the signed-in shell it lives in memory only.
 */
import { useEffect, useState } from "react";
import { useCurrentUserId } from "@/components/shell/current-user";
import { userDraftKey } from "@/lib/local-drafts";

export function useStoredDraft(draftKey: string, fallback: string): [string, (value: string) => void] {
  const userId = useCurrentUserId();
  const key = userId === null ? null : userDraftKey(userId, draftKey);
  const [state, setState] = useState<{ key: string | null; value: string }>({ key, value: fallback });

  // Read after mount (localStorage does not exist during server rendering) and when the key changes.
  useEffect(() => {
    const stored = key === null ? null : window.localStorage.getItem(key);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing from an external store on key change
    setState({ key, value: stored ?? fallback });
  }, [key, fallback]);

  const value = state.key === key ? state.value : fallback;
  const setValue = (next: string) => {
    setState({ key, value: next });
    if (key === null) return;
    try {
      window.localStorage.setItem(key, next);
    } catch {
      // Storage full or disabled: the draft still lives in memory.
    }
  };
  return [value, setValue];
}
