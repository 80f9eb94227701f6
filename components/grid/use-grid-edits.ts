"use client";
/**
 * Staged edits with undo/redo for a parent that shows an editable grid: spread `gridProps`
 * onto <DataGrid>, save `pending` (valid edits only), then call `reset()`.
 *
 *   const edits = useGridEdits();
 *   <DataGrid {...edits.gridProps} … />
 *   <Button disabled={!edits.pending.length || edits.errorCount > 0} onClick={() => save(edits.pending)}>Save</Button>
 */
import { useCallback, useMemo, useState } from "react";
import { EMPTY_EDITS, NO_SAVED_VALUES, canRedo, canUndo, countStagedErrors, getPendingChanges, redoEdits, settleSaved, stageEdits, undoEdits, type EditState, type SavedValues } from "./grid-edits";
import type { CellPatch, StagedEdits } from "./types";

export interface GridEdits {
  staged: StagedEdits;
  /** Valid staged edits as patches with the loaded value as `before`: what to save. */
  pending: CellPatch[];
  /** Staged cells whose text did not parse: saving should wait until they are fixed. */
  errorCount: number;
  canUndo: boolean;
  canRedo: boolean;
  stage: (patches: CellPatch[]) => void;
  undo: () => void;
  redo: () => void;
  /** Forget every staged edit and the history (after a save, or to discard). */
  reset: () => void;
  /** Unstage some cells (e.g. the ones a partial save wrote), keeping the rest. */
  drop: (keys: Iterable<string>) => void;
  /** Values just saved, to show over the loaded rows until they are re-read (`overlaySavedValues`). */
  saved: SavedValues;
  /** After a save succeeded: its patches become saved values and leave the staged edits. */
  markSaved: (patches: readonly CellPatch[]) => void;
  /** Once fresh rows arrived: they show the saved values themselves. */
  clearSaved: () => void;
  gridProps: { staged: StagedEdits; onStage: (patches: CellPatch[]) => void; onUndo: () => void; onRedo: () => void };
}

export function useGridEdits(initial: EditState = EMPTY_EDITS): GridEdits {
  const [{ state, saved }, setAll] = useState<{ state: EditState; saved: SavedValues }>({ state: initial, saved: NO_SAVED_VALUES });
  const setState = useCallback((update: (current: EditState) => EditState) => setAll((all) => ({ ...all, state: update(all.state) })), []);
  const stage = useCallback((patches: CellPatch[]) => setState((current) => stageEdits(current, patches)), [setState]);
  const undo = useCallback(() => setState(undoEdits), [setState]);
  const redo = useCallback(() => setState(redoEdits), [setState]);
  const reset = useCallback(() => setState(() => EMPTY_EDITS), [setState]);
  const markSaved = useCallback((patches: readonly CellPatch[]) => setAll((all) => settleSaved(all.state, all.saved, patches)), []);
  const clearSaved = useCallback(() => setAll((all) => (all.saved.size === 0 ? all : { ...all, saved: NO_SAVED_VALUES })), []);
  const drop = useCallback((keys: Iterable<string>) => {
    setState((current) => {
      const staged = new Map(current.staged);
      for (const key of keys) staged.delete(key);
      // The history refers to the dropped cells: it no longer describes the staged state.
      return { staged, past: [], future: [] };
    });
  }, [setState]);
  const pending = useMemo(() => getPendingChanges(state.staged), [state.staged]);
  const errorCount = useMemo(() => countStagedErrors(state.staged), [state.staged]);
  const gridProps = useMemo(() => ({ staged: state.staged, onStage: stage, onUndo: undo, onRedo: redo }), [state.staged, stage, undo, redo]);
  return { staged: state.staged, pending, errorCount, canUndo: canUndo(state), canRedo: canRedo(state), stage, undo, redo, reset, drop, saved, markSaved, clearSaved, gridProps };
}
