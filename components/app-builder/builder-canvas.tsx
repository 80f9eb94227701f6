"use client";
/**
 * The canvas: the current page's widgets on react-grid-layout (12 columns, the runtime's row
 * height and gap, vertical packing), each showing its live content. Drag a widget by its id
 * tab, resize it by its corner, drop palette entries onto it; click or focus selects. With a
 * widget focused, Delete removes it and the arrow keys move it one cell.
 */
import ReactGridLayout, { useContainerWidth, verticalCompactor, type Layout as GridLayout, type LayoutItem } from "react-grid-layout";
import "react-grid-layout/css/styles.css";
import { useEffect, useMemo, type KeyboardEvent } from "react";
import { GRID_COLUMNS, type Layout, type Page } from "@/lib/app-document";
import { GRID_GAP, GRID_ROW_HEIGHT, WidgetView } from "@/components/app-runtime";

// Rows are further apart than in the app so each widget's id chip sits in the gap above it and
// never covers the widget's label or heading (a chip over the content hid them). Widgets keep
// their row heights; only the gaps between rows grow.
const CHIP_ROW_GAP = GRID_GAP + 12;
import { useBuilder } from "./builder-context";
import { fromGridLayout, toGridLayout, type NudgeDirection } from "./grid-layout";
import { problemsOfWidget } from "./problem-targets";
import { RenderGuard } from "./render-guard";
import { isEditableTarget } from "./shortcuts";
import { paletteEntry, type PaletteKind } from "./widget-defaults";
import styles from "./builder-canvas.module.css";

const ARROWS: Record<string, NudgeDirection> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

export interface BuilderCanvasProps {
  page: Page;
  /** The palette entry being dragged, if any (drag data cannot be read during dragover). */
  draggingKind: PaletteKind | null;
  onLayout: (layouts: Map<string, Layout>) => void;
  onDropWidget: (kind: PaletteKind, at: { x: number; y: number }, arrange: Map<string, Layout>) => void;
  onDelete: (id: string) => void;
  onNudge: (id: string, direction: NudgeDirection) => void;
}

export function BuilderCanvas({ page, draggingKind, onLayout, onDropWidget, onDelete, onNudge }: BuilderCanvasProps) {
  const { selection, select, problems } = useBuilder();
  const { width, containerRef, mounted } = useContainerWidth();
  const ids = new Set(page.widgets.map((widget) => widget.id));
  // A new layout array on every render would make the grid re-sync mid-drag; build it when widgets change.
  const layout = useMemo(() => toGridLayout(page.widgets), [page.widgets]);
  const selectedId = selection?.kind === "widget" && ids.has(selection.id) ? selection.id : null;
  const dropSize = draggingKind ? paletteEntry(draggingKind).size : { w: 3, h: 2 };

  // A widget selected elsewhere (added, chosen from the problems list) is scrolled into view.
  useEffect(() => {
    if (selectedId === null) return;
    // The grid places a new item after its own layout pass, so scroll once that has happened.
    const timer = window.setTimeout(() => containerRef.current?.querySelector(`[data-widget-id="${selectedId}"]`)?.scrollIntoView({ block: "nearest", behavior: "smooth" }), 120);
    return () => window.clearTimeout(timer);
  }, [selectedId, containerRef]);

  const commit = (next: GridLayout) => onLayout(fromGridLayout(next, ids));
  const onDrop = (next: GridLayout, item: LayoutItem | undefined) => {
    if (!item || !draggingKind) return;
    onDropWidget(draggingKind, { x: item.x, y: item.y }, fromGridLayout(next, ids));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (selectedId === null || isEditableTarget(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape") {
      select(null);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      onDelete(selectedId);
    } else if (ARROWS[event.key]) {
      event.preventDefault();
      onNudge(selectedId, ARROWS[event.key] as NudgeDirection);
    }
  };

  return (
    <div
      ref={containerRef}
      className={styles.canvas}
      role="region"
      aria-label="Canvas"
      aria-describedby="canvas-help"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) select(null);
      }}
    >
      <p id="canvas-help" className="visually-hidden">
        Select a widget, then press Delete to remove it or the arrow keys to move it one cell.
      </p>
      {page.widgets.length === 0 ? <p className={styles.empty}>This page is empty. Click a widget in the palette, or drag one here.</p> : null}
      {mounted ? (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLUMNS, rowHeight: GRID_ROW_HEIGHT, margin: [GRID_GAP, CHIP_ROW_GAP] }}
          dragConfig={{ enabled: true, handle: `.${styles.handle}`, bounded: false }}
          resizeConfig={{ enabled: true, handles: ["se"] }}
          dropConfig={{ enabled: draggingKind !== null, defaultItem: dropSize, onDragOver: () => dropSize }}
          droppingItem={{ i: "__dropping-elem__", x: 0, y: 0, ...dropSize }}
          compactor={verticalCompactor}
          onDragStop={commit}
          onResizeStop={commit}
          onDrop={onDrop}
          className={styles.grid}
          style={{ minHeight: 6 * GRID_ROW_HEIGHT }}
        >
          {page.widgets.map((widget) => {
            const count = problemsOfWidget(problems, widget.id).length;
            return (
              <div
                key={widget.id}
                role="group"
                aria-label={widget.id}
                tabIndex={0}
                data-widget-id={widget.id}
                className={styles.cell}
                data-selected={widget.id === selectedId || undefined}
                onFocus={() => {
                  if (widget.id !== selectedId) select({ kind: "widget", id: widget.id });
                }}
                onMouseDownCapture={() => {
                  if (widget.id !== selectedId) select({ kind: "widget", id: widget.id });
                }}
              >
                <span className={styles.handle} title="Drag to move">
                  {widget.id}
                  {count > 0 ? <span className={styles.problemCount}> · {count} problem{count === 1 ? "" : "s"}</span> : null}
                </span>
                <div className={styles.content}>
                  <RenderGuard resetKey={JSON.stringify(widget.props)} label={widget.id}>
                    <WidgetView widget={widget} />
                  </RenderGuard>
                </div>
              </div>
            );
          })}
        </ReactGridLayout>
      ) : null}
    </div>
  );
}
