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
      <ActionWiringNote />
    </section>
  );
}

/**
 * The two ways to run an action, said where a builder picks widgets, because the choice decides
 * what the action runs on (issue 12: builders could only find this by trying).
 */
export function ActionWiringNote() {
  return (
    <aside aria-label="Two ways to run an action" className={styles.wiringNote}>
      <strong>Running an action</strong>
      <p>
        <em>Row actions</em> of a table run once per selected row: add them in the table&apos;s inspector, map inputs with <code>{"{{ row.id }}"}</code>.
      </p>
      <p>
        <em>A button</em> runs one action once, with inputs from any widget: <code>{"{{ ordersTable.selectedRow.id }}"}</code>, a form&apos;s fields.
      </p>
    </aside>
  );
}
