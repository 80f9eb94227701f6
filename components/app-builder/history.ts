// The undo history of the document: past and future states around the present. Rapid edits of
// the same field (typing) coalesce into one step, so undo goes back a word or a field, not a
// character; a new edit after undoing drops the redo branch, as in every editor.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** What the last edit changed and when, for coalescing; null after undo/redo or a hard break. */
  last: { key: string; at: number } | null;
}

/** Edits of one key closer together than this are one undo step. */
export const COALESCE_MS = 1_000;
/** Oldest steps are dropped beyond this many. */
export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], last: null };
}

/**
 * Records `next` as the present. With `key` (e.g. "widget:table1:props.data"), an edit of the
 * same key within COALESCE_MS of the previous one replaces it instead of adding a step.
 */
export function pushHistory<T>(history: History<T>, next: T, options: { key?: string; now?: number } = {}): History<T> {
  if (Object.is(next, history.present)) return history;
  const now = options.now ?? Date.now();
  const coalesce = options.key !== undefined && history.last !== null && history.last.key === options.key && now - history.last.at < COALESCE_MS;
  const last = options.key === undefined ? null : { key: options.key, at: now };
  if (coalesce) return { ...history, present: next, future: [], last };
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], last };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], last: null };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, last: null };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}
