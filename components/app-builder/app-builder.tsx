"use client";
/**
 * The app builder: top bar, widget palette and pages (left), the canvas with live widgets
 * (centre), the inspector (right) and the queries/problems panel (bottom), all inside the app
 * runtime fed with the unsaved document, so the canvas and Preview show real data of what is
 * being edited. This file wires state to parts; each part lives in its own file.
 */
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { validateAppDocument, type AppDocument, type Layout, type QueryResults } from "@/lib/app-document";
import type { ActionSummary } from "@/lib/schemas/actions";
import type { OpenAppView } from "@/lib/schemas/apps";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { AppPageLayout, AppRuntimeProvider, type RuntimeApp } from "@/components/app-runtime";
import { Alert } from "@/components/ui/surface";
import { bindingCandidates } from "./binding-completions";
import { BuilderBottomPanel, type PanelTab } from "./builder-bottom-panel";
import { BuilderCanvas } from "./builder-canvas";
import { BuilderProvider, type BuilderContextValue, type BuilderSource, type Selection } from "./builder-context";
import { BuilderNotices } from "./builder-notices";
import { BuilderTopBar } from "./builder-top-bar";
import { addWidget, deleteWidget, duplicateWidget, findWidget, setLayouts } from "./document-ops";
import { nudgeLayout, type NudgeDirection } from "./grid-layout";
import { PageList } from "./page-list";
import { locateProblems, problemTarget, type ProblemTarget } from "./problem-targets";
import { QueryResultsReporter } from "./query-results-reporter";
import { RenderGuard } from "./render-guard";
import { isEditableTarget, shortcutCommand } from "./shortcuts";
import { useDebouncedValue } from "./use-debounced-value";
import { useDocumentHistory } from "./use-document-history";
import { usePreviewRunner } from "./use-preview-runner";
import { usePanelLayout } from "./use-panel-layout";
import { useSavedVersion } from "./use-saved-version";
import { Button } from "@/components/ui/button";
import { VersionTools } from "./version-tools";
import { WidgetInspector } from "./widget-inspector";
import { WidgetPalette } from "./widget-palette";
import type { PaletteKind } from "./widget-defaults";
import styles from "./app-builder.module.css";

/** Loads what the builder picks from (data sources, actions) before showing it. */
export function AppBuilder({ view }: { view: OpenAppView }) {
  const trpc = useTRPC();
  const sources = useQuery(trpc.datasources.list.queryOptions());
  const actions = useQuery(trpc.actions.list.queryOptions());
  const datasources = useMemo<BuilderSource[]>(() => (sources.data ?? []).map(({ id, name, kind }) => ({ id, name, kind })), [sources.data]);
  if (sources.isPending || actions.isPending) return <p role="status">Loading the builder…</p>;
  const loadError = sources.error ?? actions.error;
  return (
    <>
      {loadError ? <Alert tone="error">Some builder data could not be loaded: {errorMessage(loadError)} Reload to try again.</Alert> : null}
      <BuilderWorkspace view={view} datasources={datasources} actions={actions.data ?? view.actions} />
    </>
  );
}

function BuilderWorkspace({ view, datasources, actions }: { view: OpenAppView; datasources: BuilderSource[]; actions: ActionSummary[] }) {
  const history = useDocumentHistory(view.document);
  const { doc, change } = history;
  const apply = useCallback((next: AppDocument) => change(() => next), [change]);
  const saved = useSavedVersion({ view, doc, apply, reset: history.reset });
  const [selection, setSelectionState] = useState<Selection>(null);
  // The inspector starts afresh (drafts, open editors) when another widget is selected, but not
  // when the selected widget is renamed: keyed by its id, it remounted on rename and the field
  // the builder had just clicked into lost focus and the text typed into it.
  const [inspectorKey, setInspectorKey] = useState(0);
  const setSelection = useCallback((next: Selection) => {
    setSelectionState(next);
    setInspectorKey((key) => key + 1);
  }, []);
  const followRename = useCallback((id: string) => setSelectionState({ kind: "widget", id }), []);
  const [pageId, setPageId] = useState(view.document.pages[0]?.id ?? "");
  const [queryId, setQueryId] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const [panel, setPanel] = useState<{ open: boolean; tab: PanelTab }>({ open: true, tab: "queries" });
  const panels = usePanelLayout();
  const [draggingKind, setDraggingKind] = useState<PaletteKind | null>(null);
  const page = doc.pages.find((candidate) => candidate.id === pageId) ?? doc.pages[0];

  // Validation runs in the browser once typing pauses, with this Rowcraft's sources and actions.
  const settled = useDebouncedValue(doc, 300);
  // Result columns come from the preview's last runs: field references are checked against them.
  const [results, setResults] = useState<QueryResults>({});
  const context = useMemo(() => ({ datasources: datasources.map((source) => source.name), actions: Object.fromEntries(actions.map((action) => [action.name, { inputSchema: action.inputSchema }])), results }), [datasources, actions, results]);
  const problems = useMemo(() => locateProblems(settled, validateAppDocument(settled, context).problems), [settled, context]);
  const candidates = useMemo(() => bindingCandidates(settled), [settled]);
  const rowCandidates = useMemo(() => bindingCandidates(settled, { row: true }), [settled]);

  const runner = usePreviewRunner(datasources);
  const runtimeApp = useMemo<RuntimeApp>(() => ({ appId: view.app.id, version: "draft", document: doc, actions, currentUser: view.currentUser }), [view, doc, actions]);

  const selected = selection?.kind === "widget" ? findWidget(doc, selection.id) : null;
  const showTarget = useCallback(
    (target: ProblemTarget) => {
      if (target.kind === "widget") {
        setPreview(false);
        setPageId(target.pageId);
        setSelection({ kind: "widget", id: target.widgetId });
      } else if (target.kind === "query") {
        setPreview(false);
        setQueryId(target.queryId);
        setPanel({ open: true, tab: "queries" });
      } else if (target.kind === "page") setPageId(target.pageId);
    },
    [setSelection],
  );

  const addFromPalette = (kind: PaletteKind, at?: { x: number; y: number }, arrange?: Map<string, Layout>) => {
    if (!page) return;
    const added = addWidget(doc, page.id, kind, { actionName: actions[0]?.name ?? null, ...(at ? { at } : {}), ...(arrange ? { arrange } : {}) });
    change(() => added.doc);
    setSelection({ kind: "widget", id: added.id });
    setDraggingKind(null);
  };
  const duplicate = (id: string) => {
    const copy = duplicateWidget(doc, id);
    change(() => copy.doc);
    setSelection({ kind: "widget", id: copy.id });
  };
  const remove = (id: string) => {
    change((current) => deleteWidget(current, id));
    setSelection(null);
  };
  const nudge = (id: string, direction: NudgeDirection) => {
    if (!page) return;
    change((current) => {
      const currentPage = current.pages.find((candidate) => candidate.id === page.id);
      return currentPage ? setLayouts(current, page.id, nudgeLayout(currentPage.widgets, id, direction)) : current;
    }, `nudge:${id}`);
  };

  // Shortcuts that work anywhere in the builder. Editors that handled a key themselves (the SQL
  // editor's own undo) mark it defaultPrevented and keep it.
  const commands = useRef({ undo: history.undo, redo: history.redo, save: () => void saved.save(), duplicate: () => (selection?.kind === "widget" ? duplicate(selection.id) : undefined) });
  useEffect(() => {
    commands.current = { undo: history.undo, redo: history.redo, save: () => void saved.save(), duplicate: () => (selection?.kind === "widget" ? duplicate(selection.id) : undefined) };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutCommand(event);
      if (command === null || event.defaultPrevented) return;
      // Ctrl/Cmd+D duplicates the selected widget, except while typing (an editor may use it).
      if (command === "duplicate" && (selection?.kind !== "widget" || isEditableTarget(event.target))) return;
      event.preventDefault();
      commands.current[command]();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selection]);

  const builder: BuilderContextValue = { doc, change, problems, candidates, rowCandidates, actions, datasources, selection, select: setSelection, queryId, openQuery: setQueryId, pageId: page?.id ?? "", setPageId };
  const nameErrors = problems.filter((problem) => problem.target.kind === "app" && problem.target.field === "name");

  return (
    <BuilderProvider value={builder}>
      <AppRuntimeProvider app={runtimeApp} inputsInUrl={false} queryRunner={runner} useTestValues>
        <QueryResultsReporter onChange={setResults} />
        <div className={styles.builder} data-preview={preview || undefined}>
          <BuilderTopBar
            name={doc.name}
            onNameChange={(name) => change((current) => ({ ...current, name }), "app:name")}
            nameError={nameErrors[0]?.message ?? null}
            slug={view.app.slug}
            baseVersion={saved.baseVersion}
            publishedVersion={saved.publishedVersion}
            dirty={saved.dirty}
            canUndo={history.canUndo}
            canRedo={history.canRedo}
            onUndo={history.undo}
            onRedo={history.redo}
            onSave={() => void saved.save()}
            isSaving={saved.isSaving}
            preview={preview}
            onPreviewChange={setPreview}
            versionTools={<VersionTools view={view} saved={saved} onShowProblem={(path) => showTarget(problemTarget(doc, path))} />}
          />
          <BuilderNotices saved={saved} problemCount={problems.length} onShowProblems={() => setPanel({ open: true, tab: "problems" })} />
          {preview && page ? (
            <section className={styles.preview} aria-label="Preview">
              <p className={styles.muted} style={{ margin: 0 }}>
                Preview runs on real data: buttons, forms and table actions really run, as they will for operators.
              </p>
              {doc.pages.length > 1 ? (
                <nav aria-label="Pages" className={styles.previewPages}>
                  {doc.pages.map((candidate) => (
                    <button key={candidate.id} type="button" className={styles.pageButton} aria-current={candidate.id === page.id ? "page" : undefined} onClick={() => setPageId(candidate.id)}>
                      {candidate.name}
                    </button>
                  ))}
                </nav>
              ) : null}
              <RenderGuard resetKey={JSON.stringify(page)} label={`Page "${page.name}"`}>
                <AppPageLayout page={page} />
              </RenderGuard>
            </section>
          ) : (
            <>
              <div className={styles.body} data-left={panels.layout.left ? "open" : "closed"} data-right={panels.layout.right ? "open" : "closed"}>
                <aside className={styles.left} aria-label="Palette and pages" data-collapsed={!panels.layout.left || undefined}>
                  <SideToggle open={panels.layout.left} what="palette and pages" onToggle={() => panels.toggle("left")} />
                  {panels.layout.left ? (
                    <>
                      <WidgetPalette onAdd={(kind) => addFromPalette(kind)} onDragKind={setDraggingKind} />
                      <PageList />
                    </>
                  ) : null}
                </aside>
                <div className={styles.centre}>
                  {page ? (
                    <BuilderCanvas
                      page={page}
                      draggingKind={draggingKind}
                      onLayout={(layouts) => change((current) => setLayouts(current, page.id, layouts))}
                      onDropWidget={(kind, at, arrange) => addFromPalette(kind, at, arrange)}
                      onDelete={remove}
                      onNudge={nudge}
                    />
                  ) : null}
                </div>
                <aside className={styles.right} aria-label="Inspector" data-collapsed={!panels.layout.right || undefined}>
                  <SideToggle open={panels.layout.right} what="inspector" onToggle={() => panels.toggle("right")} />
                  {!panels.layout.right ? null : selected ? (
                    <WidgetInspector key={inspectorKey} widget={selected.widget} onRenamed={followRename} onDuplicate={() => duplicate(selected.widget.id)} onDelete={() => remove(selected.widget.id)} />
                  ) : (
                    <p className={styles.muted}>Select a widget on the canvas to edit it, or add one from the palette.</p>
                  )}
                </aside>
              </div>
              <BuilderBottomPanel panel={panel} onPanelChange={setPanel} problems={problems} onShowProblem={showTarget} height={panels.layout.bottomHeight} onResize={panels.setBottomHeight} />
            </>
          )}
        </div>
      </AppRuntimeProvider>
    </BuilderProvider>
  );
}

/** Hides or shows a side panel, so the canvas can take the width on a laptop screen. */
function SideToggle({ open, what, onToggle }: { open: boolean; what: string; onToggle: () => void }) {
  return (
    <Button size="small" variant="ghost" className={styles.sideToggle} aria-expanded={open} title={open ? `Hide the ${what}` : `Show the ${what}`} onClick={onToggle}>
      {open ? `Hide ${what}` : `Show ${what}`}
    </Button>
  );
}
