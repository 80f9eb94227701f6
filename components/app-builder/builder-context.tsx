"use client";
/**
 * What every part of the builder reads and edits: the current document, the one way to change
 * it (each change is an undo step, coalesced by key while typing), the problems found in it,
 * the actions and data sources to pick from, and the selection.
 */
import { createContext, useContext } from "react";
import type { AppDocument } from "@/lib/app-document";
import type { ActionSummary } from "@/lib/schemas/actions";
import type { DatasourceKind } from "@/lib/schemas/datasources";
import type { BindingCandidate } from "./binding-completions";
import type { LocatedProblem } from "./problem-targets";

/** The selected widget (queries are opened in their panel instead). */
export type Selection = { kind: "widget"; id: string } | null;

export interface BuilderSource {
  id: string;
  name: string;
  kind: DatasourceKind;
}

export interface BuilderContextValue {
  doc: AppDocument;
  /** Applies an edit. `key` names the field being typed in, so keystrokes merge into one undo step. */
  change: (edit: (doc: AppDocument) => AppDocument, key?: string) => void;
  problems: LocatedProblem[];
  /** Autocomplete of binding fields; `rowCandidates` adds `row` (table action mappings). */
  candidates: BindingCandidate[];
  rowCandidates: BindingCandidate[];
  actions: ActionSummary[];
  datasources: BuilderSource[];
  selection: Selection;
  select: (selection: Selection) => void;
  /** The query open in the queries panel (kept apart from the widget selection). */
  queryId: string | null;
  openQuery: (queryId: string | null) => void;
  pageId: string;
  setPageId: (pageId: string) => void;
}

const BuilderContext = createContext<BuilderContextValue | null>(null);

export const BuilderProvider = BuilderContext.Provider;

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error("useBuilder must be used inside the app builder.");
  return value;
}
