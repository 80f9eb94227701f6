"use client";
/** The collapsible bottom panel: the queries editor and the list of problems, as tabs. */
import { Button } from "@/components/ui/button";
import { PanelResizer } from "./panel-resizer";
import type { LocatedProblem, ProblemTarget } from "./problem-targets";
import { ProblemsList } from "./problems-list";
import { QueriesPanel } from "./queries-panel";
import styles from "./app-builder.module.css";

export type PanelTab = "queries" | "problems";

export interface BuilderBottomPanelProps {
  panel: { open: boolean; tab: PanelTab };
  onPanelChange: (panel: { open: boolean; tab: PanelTab }) => void;
  problems: readonly LocatedProblem[];
  onShowProblem: (target: ProblemTarget) => void;
  /** The open panel's height in pixels, set by dragging its top edge; kept in this browser. */
  height: number;
  onResize: (height: number) => void;
}

export function BuilderBottomPanel({ panel, onPanelChange, problems, onShowProblem, height, onResize }: BuilderBottomPanelProps) {
  const tab = (id: PanelTab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`panel-tab-${id}`}
      aria-selected={panel.tab === id}
      aria-controls="builder-panel"
      className={styles.tab}
      onClick={() => onPanelChange({ open: true, tab: id })}
    >
      {label}
    </button>
  );
  return (
    <section className={styles.bottom} data-open={panel.open || undefined} style={panel.open ? { height } : undefined} aria-label="Queries and problems">
      {panel.open ? <PanelResizer height={height} onResize={onResize} /> : null}
      <div className={styles.tabs}>
        <div role="tablist" aria-label="Bottom panel">
          {tab("queries", "Queries")}
          {tab("problems", problems.length > 0 ? `Problems (${problems.length})` : "Problems")}
        </div>
        <Button size="small" variant="ghost" aria-expanded={panel.open} aria-controls="builder-panel" onClick={() => onPanelChange({ ...panel, open: !panel.open })}>
          {panel.open ? "Collapse panel" : "Expand panel"}
        </Button>
      </div>
      {panel.open ? (
        <div id="builder-panel" role="tabpanel" aria-labelledby={`panel-tab-${panel.tab}`} className={styles.panelBody}>
          {panel.tab === "queries" ? <QueriesPanel /> : <ProblemsList problems={problems} onShow={onShowProblem} />}
        </div>
      ) : null}
    </section>
  );
}
