"use client";
/**
 * Which version the builder's document is based on, whether it has unsaved changes, saving a
 * new version, and keeping the unsaved document in localStorage: restored on load with a
 * notice, kept when a save fails (e.g. CONFLICT: someone saved after this version).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AppDocument, Problem } from "@/lib/app-document";
import type { OpenAppView } from "@/lib/schemas/apps";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { draftKey, findOlderDraft, readDraft, removeDraft, sameDocument, writeDraft } from "./draft-storage";

export type DraftNotice = { kind: "restored"; savedAt: string } | { kind: "older"; savedAt: string; version: number; key: string; document: AppDocument };

export interface SavedVersionOptions {
  view: OpenAppView;
  doc: AppDocument;
  /** Applies a document as an undoable change (a restored draft). */
  apply: (doc: AppDocument) => void;
  /** Starts the history over from a document (discard, another version loaded). */
  reset: (doc: AppDocument) => void;
}

export function useSavedVersion({ view, doc, apply, reset }: SavedVersionOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const appId = view.app.id;
  const [base, setBase] = useState({ version: view.version.number, document: view.document });
  const [publishedVersion, setPublishedVersion] = useState(view.app.publishedVersion);
  const [notice, setNotice] = useState<DraftNotice | null>(null);
  const [saved, setSaved] = useState<{ version: number; problems: Problem[]; unchanged: boolean } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const saveMutation = useMutation(trpc.apps.save.mutationOptions());
  const dirty = !sameDocument(doc, base.document);
  const key = draftKey(appId, base.version);

  // Restore once, before the draft below is rewritten from the (restored) document.
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) return;
    checked.current = true;
    const stored = readDraft(window.localStorage, draftKey(appId, view.version.number));
    if (stored && !sameDocument(stored.document, view.document)) {
      apply(stored.document);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing from an external store once on mount
      setNotice({ kind: "restored", savedAt: stored.savedAt });
      return;
    }
    const older = findOlderDraft(window.localStorage, appId, view.version.number);
    if (older) setNotice({ kind: "older", savedAt: older.draft.savedAt, version: older.version, key: older.key, document: older.draft.document });
  }, [appId, view, apply]);

  useEffect(() => {
    if (!checked.current) return;
    if (dirty) writeDraft(window.localStorage, key, doc);
    else removeDraft(window.localStorage, key);
  }, [doc, dirty, key]);

  const save = useCallback(
    async (message = ""): Promise<boolean> => {
      const document = doc;
      setSaveError(null);
      // Nothing edited since the base version: no request, no version; the notice says so.
      if (sameDocument(document, base.document)) {
        setSaved({ version: base.version, problems: [], unchanged: true });
        return true;
      }
      try {
        const result = await saveMutation.mutateAsync({ appId, baseVersion: base.version, document, message });
        removeDraft(window.localStorage, draftKey(appId, base.version));
        setBase({ version: result.version, document });
        setSaved(result);
        setNotice(null);
        void queryClient.invalidateQueries({ queryKey: trpc.apps.versions.queryKey({ appId }) });
        return true;
      } catch (error) {
        // The draft stays in localStorage under the base version: nothing typed is lost.
        setSaveError(errorMessage(error));
        return false;
      }
    },
    [doc, appId, base, saveMutation, queryClient, trpc],
  );

  /** Another version became the latest (restored or imported): load it and start from it. */
  const loadVersion = useCallback(
    async (version: number) => {
      const loaded = await queryClient.fetchQuery(trpc.apps.version.queryOptions({ appId, version }));
      setBase({ version, document: loaded.document });
      reset(loaded.document);
      setSaved(null);
      setSaveError(null);
    },
    [appId, queryClient, trpc, reset],
  );

  const discardDraft = useCallback(() => {
    if (notice?.kind === "older") removeDraft(window.localStorage, notice.key);
    else {
      removeDraft(window.localStorage, key);
      reset(base.document);
    }
    setNotice(null);
  }, [notice, key, reset, base.document]);

  const restoreOlder = useCallback(() => {
    if (notice?.kind !== "older") return;
    apply(notice.document);
    removeDraft(window.localStorage, notice.key);
    setNotice({ kind: "restored", savedAt: notice.savedAt });
  }, [notice, apply]);

  return {
    baseVersion: base.version,
    dirty,
    save,
    isSaving: saveMutation.isPending,
    saved,
    saveError,
    clearSaveError: () => setSaveError(null),
    notice,
    discardDraft,
    restoreOlder,
    publishedVersion,
    setPublishedVersion,
    loadVersion,
  };
}
