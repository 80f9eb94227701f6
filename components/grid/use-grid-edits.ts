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
import { EMPTY_EDITS, canRedo, canUndo, countStagedErrors, getPendingChanges, redoEdits, stageEdits, undoEdits, type EditState } from "./grid-edits";
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
  gridProps: { staged: StagedEdits; onStage: (patches: CellPatch[]) => void; onUndo: () => void; onRedo: () => void };
}

export function useGridEdits(initial: EditState = EMPTY_EDITS): GridEdits {
  const [state, setState] = useState<EditState>(initial);
  const stage = useCallback((patches: CellPatch[]) => setState((current) => stageEdits(current, patches)), []);
  const undo = useCallback(() => setState(undoEdits), []);
  const redo = useCallback(() => setState(redoEdits), []);
  const reset = useCallback(() => setState(EMPTY_EDITS), []);
  const drop = useCallback((keys: Iterable<string>) => {
    setState((current) => {
      const staged = new Map(current.staged);
      for (const key of keys) staged.delete(key);
      // The history refers to the dropped cells: it no longer describes the staged state.
      return { staged, past: [], future: [] };
    });
  }, []);
  const pending = useMemo(() => getPendingChanges(state.staged), [state.staged]);
  const errorCount = useMemo(() => countStagedErrors(state.staged), [state.staged]);
  const gridProps = useMemo(() => ({ staged: state.staged, onStage: stage, onUndo: undo, onRedo: redo }), [state.staged, stage, undo, redo]);
  return { staged: state.staged, pending, errorCount, canUndo: canUndo(state), canRedo: canRedo(state), stage, undo, redo, reset, drop, gridProps };
}
