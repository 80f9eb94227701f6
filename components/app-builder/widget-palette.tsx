"use client";
/** The widget palette: click an entry to add it below the page's widgets, or drag it onto the canvas. */
import { Button } from "@/components/ui/button";
import { PALETTE, type PaletteKind } from "./widget-defaults";
import styles from "./app-builder.module.css";

export function WidgetPalette({ onAdd, onDragKind }: { onAdd: (kind: PaletteKind) => void; onDragKind: (kind: PaletteKind | null) => void }) {
  return (
    <section aria-labelledby="palette-title" className={styles.sideSection}>
      <h2 id="palette-title" className={styles.sideTitle}>
        Widgets
      </h2>
      <ul className={styles.palette}>
        {PALETTE.map((entry) => (
          <li key={entry.kind}>
            <Button
              size="small"
              className={styles.paletteButton}
              draggable
              onDragStart={(event) => {
                // Firefox starts a drag only with data set; the canvas reads the kind from state.
                event.dataTransfer.setData("text/plain", entry.kind);
                event.dataTransfer.effectAllowed = "copy";
                onDragKind(entry.kind);
              }}
              onDragEnd={() => onDragKind(null)}
              onClick={() => onAdd(entry.kind)}
            >
              Add {entry.label}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
