"use client";
/**
 * Staged edits that survive a failed save, a reload or a browser crash: they are mirrored to
 * localStorage per signed-in user, data source and table until saved, discarded or signed out
 * (lib/local-drafts.ts). Without a signed-in user they live in memory only.
 */
import { useEffect, useState } from "react";
import { cellKey, useGridEdits, type GridEdits, type StagedEdit } from "@/components/grid";
import { useCurrentUserId } from "@/components/shell/current-user";
import { userDraftKey } from "@/lib/local-drafts";

function restore(storageKey: string | null): Map<string, StagedEdit> {
  if (storageKey === null) return new Map();
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? "[]");
    if (!Array.isArray(stored)) return new Map();
    const edits = stored.filter((edit): edit is StagedEdit => typeof edit === "object" && edit !== null && typeof edit.rowId === "string" && typeof edit.columnId === "string");
    return new Map(edits.map((edit) => [cellKey(edit.rowId, edit.columnId), edit]));
  } catch {
    return new Map();
  }
}

export function usePersistedEdits(key: string): GridEdits & { restoredCount: number } {
  const userId = useCurrentUserId();
  const storageKey = userId === null ? null : userDraftKey(userId, key);
  // Only rendered on the client (after the rows loaded), so localStorage is there.
  const [initial] = useState(() => restore(storageKey));
  const edits = useGridEdits({ staged: initial, past: [], future: [] });
  useEffect(() => {
    if (storageKey === null) return;
    try {
      if (edits.staged.size === 0) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, JSON.stringify([...edits.staged.values()]));
    } catch {
      // Storage full or disabled: the edits still live in memory.
    }
  }, [edits.staged, storageKey]);
  return { ...edits, restoredCount: initial.size };
}
