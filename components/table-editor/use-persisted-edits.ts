"use client";
/**
 * Staged edits that survive a failed save, a reload or a browser crash: they are mirrored to
 * localStorage per data source and table until saved or discarded.
 */
import { useEffect, useState } from "react";
import { cellKey, useGridEdits, type GridEdits, type StagedEdit } from "@/components/grid";

function restore(storageKey: string): Map<string, StagedEdit> {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? "[]");
    if (!Array.isArray(stored)) return new Map();
    const edits = stored.filter((edit): edit is StagedEdit => typeof edit === "object" && edit !== null && typeof edit.rowId === "string" && typeof edit.columnId === "string");
    return new Map(edits.map((edit) => [cellKey(edit.rowId, edit.columnId), edit]));
  } catch {
    return new Map();
  }
}

export function usePersistedEdits(storageKey: string): GridEdits & { restoredCount: number } {
  // Only rendered on the client (after the rows loaded), so localStorage is there.
  const [initial] = useState(() => restore(storageKey));
  const edits = useGridEdits({ staged: initial, past: [], future: [] });
  useEffect(() => {
    try {
      if (edits.staged.size === 0) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, JSON.stringify([...edits.staged.values()]));
    } catch {
      // Storage full or disabled: the edits still live in memory.
    }
  }, [edits.staged, storageKey]);
  return { ...edits, restoredCount: initial.size };
}
