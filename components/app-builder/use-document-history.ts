"use client";
/** The document with its undo history (see history.ts), as React state. */
import { useCallback, useState } from "react";
import type { AppDocument } from "@/lib/app-document";
import { canRedo, canUndo, createHistory, pushHistory, redo, undo, type History } from "./history";

export function useDocumentHistory(initial: AppDocument) {
  const [history, setHistory] = useState<History<AppDocument>>(() => createHistory(initial));
  const change = useCallback((edit: (doc: AppDocument) => AppDocument, key?: string) => {
    setHistory((current) => pushHistory(current, edit(current.present), key === undefined ? {} : { key }));
  }, []);
  return {
    doc: history.present,
    change,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
    /** Starts over from `doc` (after discarding a restored draft or loading another version). */
    reset: useCallback((doc: AppDocument) => setHistory(createHistory(doc)), []),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}
