"use client";
/**
 * The inspector of the selected widget: its id (renaming rewrites the bindings that use it),
 * its size, the props of its type, and duplicate/delete.
 */
import type { Widget } from "@/lib/app-document";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { PropsInspector } from "./inspector-by-type";
import { useBuilder } from "./builder-context";
import { setLayouts } from "./document-ops";
import { clampLayout } from "./grid-layout";
import { useWidgetEditor } from "./inspector-fields";
import { NameField } from "./name-field";
import { ActionWiringNote } from "./widget-palette";
import styles from "./inspector.module.css";

const TYPE_LABELS: Record<Widget["type"], string> = { table: "Table", chart: "Chart", stat: "Stat", text: "Text", input: "Input", button: "Button", form: "Form" };

export interface WidgetInspectorProps {
  widget: Widget;
  /** The widget got a new id: the selection follows it without restarting the inspector. */
  onRenamed: (id: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function WidgetInspector({ widget, onRenamed, onDuplicate, onDelete }: WidgetInspectorProps) {
  const { change, pageId } = useBuilder();
  const { errorsAt } = useWidgetEditor(widget);
  const setSize = (patch: { w?: number; h?: number }) =>
    change((doc) => setLayouts(doc, pageId, new Map([[widget.id, clampLayout({ ...widget.layout, ...patch })]])), `widget:${widget.id}:layout`);
  return (
    <section className={styles.inspector} aria-label={`Inspector: ${widget.id}`}>
      <header className={styles.header}>
        <h2 className={styles.title}>
          {TYPE_LABELS[widget.type]} <code>{widget.id}</code>
        </h2>
        <div className={styles.inline}>
          <Button size="small" onClick={onDuplicate}>
            Duplicate widget
          </Button>
          <Button size="small" variant="danger" onClick={onDelete}>
            Delete widget
          </Button>
        </div>
      </header>
      <NameField key={widget.id} label="Widget id" name={widget.id} errors={errorsAt("id")} onRenamed={onRenamed} />
      <div className={styles.pair}>
        <TextField label="Width (columns)" type="number" min={1} max={12} value={widget.layout.w} onChange={(event) => setSize({ w: Number(event.target.value) || 1 })} />
        <TextField label="Height (rows)" type="number" min={1} max={200} value={widget.layout.h} onChange={(event) => setSize({ h: Number(event.target.value) || 1 })} />
      </div>
      {errorsAt("layout").length > 0 ? <p className={styles.fieldError}>{errorsAt("layout").join(" ")}</p> : null}
      {widget.type === "table" || widget.type === "button" ? <ActionWiringNote /> : null}
      <PropsInspector widget={widget} />
    </section>
  );
}
