"use client";
/**
 * A page's widgets on the 12-column grid (layout x, y, w, h in grid units). Widgets are in
 * reading order (top to bottom, left to right) so keyboard and screen-reader order match what
 * is seen; on narrow screens they stack in one column at their own heights.
 */
import type { CSSProperties } from "react";
import type { Page } from "@/lib/app-document";
import styles from "./app-runtime.module.css";
import { GRID_GAP, GRID_ROW_HEIGHT } from "./grid-metrics";
import { WidgetView } from "./widget-view";

export function AppPageLayout({ page }: { page: Page }) {
  const widgets = [...page.widgets].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
  return (
    <div className={styles.layout} style={{ "--row-height": `${GRID_ROW_HEIGHT}px`, "--gap": `${GRID_GAP}px` } as CSSProperties}>
      {widgets.map((widget) => (
        <div key={widget.id} className={styles.cell} style={{ "--x": widget.layout.x, "--y": widget.layout.y, "--w": widget.layout.w, "--h": widget.layout.h } as CSSProperties}>
          <WidgetView widget={widget} />
        </div>
      ))}
    </div>
  );
}
