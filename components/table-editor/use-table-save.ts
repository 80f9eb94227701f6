"use client";
/**
 * The save flow for staged table edits, shared by the table editor and editable query results:
 * send them (and inserts or deletes) to `tables.save` in one transaction, forget them once saved,
 * keep them when the save fails, and after a conflict let the user take theirs (drop those
 * rows' edits and re-read) or overwrite knowingly. Query results name the grid's columns their
 * own way; `sourceOf` turns a grid column into the table's column for the request.
 */
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { CellPatch, GridEdits, RowStatus } from "@/components/grid";
import type { SaveConflict, SaveTableChangesResult, TableRefInput } from "@/lib/schemas/tables";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { buildUpdates } from "./save-payload";

type Cell = string | number | boolean | null;

export interface SavePayload {
  updates?: ReturnType<typeof buildUpdates>;
  deletes?: Record<string, Cell>[];
  inserts?: Record<string, Cell>[];
  overwrite?: string[];
}

/** A save's outcome; `message` is null for a conflict (shown in the conflict panel). */
export type SubmitOutcome = { ok: true } | { ok: false; message: string | null };

export interface SaveNotice {
  tone: "success" | "error";
  text: string;
}

export interface TableSaveOptions {
  datasourceId: string;
  table: TableRefInput;
  edits: GridEdits;
  /** Re-reads the rows after a save and after "take theirs". */
  reload: () => Promise<unknown> | void;
  /** Grid column id → the table's column (query results may rename columns). */
  sourceOf?: (columnId: string) => string;
  /** After a successful save, before the reload (e.g. clear the row selection). */
  onSaved?: () => void;
  /** Sends the changes another way than `tables.save` (an app table saves through `apps.saveEdits`); `datasourceId` and `table` are then unused. */
  send?: (payload: Required<SavePayload>) => Promise<SaveTableChangesResult>;
}

export function useTableSave({ datasourceId, table, edits, reload, sourceOf, onSaved, send }: TableSaveOptions) {
  const trpc = useTRPC();
  const save = useMutation(trpc.tables.save.mutationOptions());
  const [sending, setSending] = useState(false);
  const [conflicts, setConflicts] = useState<SaveConflict[]>([]);
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const rowStatus = useMemo<Map<string, RowStatus> | undefined>(
    () => (conflicts.length ? new Map(conflicts.map((conflict) => [conflict.keyId, { tone: "danger", text: conflict.theirs ? "Changed by someone else" : "Deleted by someone else" }])) : undefined),
    [conflicts],
  );

  /**
   * Sends the changes. `patches`: the staged edits `payload.updates` was built from. With
   * `keepErrors` a failure is only returned (the Add row dialog shows it next to its fields)
   * instead of being announced above the grid; `onOk` runs as soon as the save succeeded,
   * before the rows are re-read (a dialog closes without waiting for them).
   */
  async function submit(payload: SavePayload, patches: readonly CellPatch[] = edits.pending, options: { keepErrors?: boolean; onOk?: () => void } = {}): Promise<SubmitOutcome> {
    setNotice(null);
    setSending(true);
    const fail = (message: string): SubmitOutcome => {
      if (!options.keepErrors) setNotice({ tone: "error", text: `${message} Your changes are kept; try again.` });
      return { ok: false, message };
    };
    try {
      const changes = { updates: payload.updates ?? [], deletes: payload.deletes ?? [], inserts: payload.inserts ?? [], overwrite: payload.overwrite ?? [] };
      const result = send ? await send(changes) : await save.mutateAsync({ datasourceId, table, ...changes });
      if (result.ok) {
        // The saved values stay on screen until the re-read rows arrive: no flash of the old value.
        if (payload.updates) edits.markSaved(patches);
        setConflicts([]);
        onSaved?.();
        options.onOk?.();
        const rows = (n: number) => (n === 1 ? "1 row" : `${n.toLocaleString("en-US")} rows`);
        const parts = [result.updated && `${rows(result.updated)} updated`, result.inserted && `${rows(result.inserted)} added`, result.deleted && `${rows(result.deleted)} deleted`].filter(Boolean);
        setNotice({ tone: "success", text: `Saved: ${parts.join(", ")}.` });
        // A failed re-read shows where the rows are shown; it must not read as a failed save
        // (the saved values then stay shown: they are what the database has).
        const fresh = await Promise.resolve(reload()).then(
          () => true,
          () => false,
        );
        if (fresh) edits.clearSaved();
        return { ok: true };
      }
      if (result.reason === "conflict") {
        setConflicts(result.conflicts);
        return { ok: false, message: null };
      }
      return fail(result.message);
    } catch (error) {
      return fail(`Nothing was saved: ${errorMessage(error)}`);
    } finally {
      setSending(false);
    }
  }

  /** Saves every valid staged edit; `overwrite` lists rows whose conflicts the user chose to overwrite. */
  const saveEdits = (overwrite: string[] = []) => {
    const patches = edits.pending;
    void submit({ updates: buildUpdates(patches, sourceOf), overwrite }, patches);
  };

  function takeTheirs(keyIds: string[]) {
    const rows = new Set(keyIds);
    edits.drop([...edits.staged.keys()].filter((key) => rows.has(edits.staged.get(key)?.rowId ?? "")));
    setConflicts((current) => current.filter((conflict) => !rows.has(conflict.keyId)));
    void Promise.resolve(reload()).catch(() => undefined);
  }

  function discard() {
    edits.reset();
    setConflicts([]);
  }

  return { conflicts, notice, rowStatus, isSaving: save.isPending || sending, submit, saveEdits, takeTheirs, discard };
}

export type TableSave = ReturnType<typeof useTableSave>;
