// The unsaved document of an app, kept in the browser so nothing typed is lost to a reload, a
// crash or a failed save. Keyed by app and by the version the edits started from: a draft made
// on version 3 is not silently laid over version 4 that someone else saved.
import type { AppDocument } from "@/lib/app-document";

export interface StoredDraft {
  document: AppDocument;
  /** When it was last written, ISO. */
  savedAt: string;
}

type DraftStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;
type ListableStore = DraftStore & Pick<Storage, "key" | "length">;

export function draftKey(appId: string, baseVersion: number): string {
  return `rowcraft:app-draft:${appId}:v${baseVersion}`;
}

function isDocumentLike(value: unknown): value is AppDocument {
  if (value === null || typeof value !== "object") return false;
  const { pages, queries, name } = value as Record<string, unknown>;
  return Array.isArray(pages) && pages.length > 0 && Array.isArray(queries) && typeof name === "string";
}

/** The stored draft, or null when there is none or it cannot be read (never throws). */
export function readDraft(store: DraftStore, key: string): StoredDraft | null {
  try {
    const text = store.getItem(key);
    if (text === null) return null;
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object") return null;
    const { document, savedAt } = parsed as Record<string, unknown>;
    return isDocumentLike(document) && typeof savedAt === "string" ? { document, savedAt } : null;
  } catch {
    return null;
  }
}

/** Writes the draft; false when the browser refuses (storage full or disabled). */
export function writeDraft(store: DraftStore, key: string, document: AppDocument, now: Date = new Date()): boolean {
  try {
    store.setItem(key, JSON.stringify({ document, savedAt: now.toISOString() } satisfies StoredDraft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(store: DraftStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing to do: a draft that cannot be removed is offered again and can be discarded then.
  }
}

/** Documents are plain JSON: equal when their JSON is. */
export function sameDocument(a: AppDocument, b: AppDocument): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The newest draft of this app made on an older version than `baseVersion` (someone saved in
 * between, or the save failed with a conflict and the page was reloaded), with its version.
 */
export function findOlderDraft(store: ListableStore, appId: string, baseVersion: number): { key: string; version: number; draft: StoredDraft } | null {
  const prefix = `rowcraft:app-draft:${appId}:v`;
  let found: { key: string; version: number; draft: StoredDraft } | null = null;
  try {
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (key === null || !key.startsWith(prefix)) continue;
      const version = Number(key.slice(prefix.length));
      if (!Number.isInteger(version) || version >= baseVersion || (found && found.version > version)) continue;
      const draft = readDraft(store, key);
      if (draft) found = { key, version, draft };
    }
  } catch {
    return null;
  }
  return found;
}
