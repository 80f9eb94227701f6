"use client";
/**
 * The in-cell editor: a text input for most types, a select for enums and a checkbox for
 * booleans. Enter commits and moves down (Shift+Enter up), Tab commits and moves right
 * (Shift+Tab left), Esc cancels, leaving the cell commits in place. Keys never reach the
 * grid's own handler while editing.
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { isNumericType, toBoolean } from "./column-types";
import styles from "./data-grid.module.css";
import type { GridColumn } from "./types";

export type CommitMove = "down" | "up" | "right" | "left" | "none";
export type EditorResult = { kind: "text"; text: string } | { kind: "value"; value: unknown };

export interface CellEditorProps {
  column: GridColumn;
  /** What the input starts with: the typed character, or the cell's edit text. */
  initialText: string;
  /** True when typing started the edit: the typed character replaced the value. */
  replacing: boolean;
  onCommit: (result: EditorResult, move: CommitMove) => void;
  onCancel: () => void;
}

function moveFor(event: KeyboardEvent): CommitMove | null {
  if (event.key === "Enter") return event.shiftKey ? "up" : "down";
  if (event.key === "Tab") return event.shiftKey ? "left" : "right";
  return null;
}

export function CellEditor({ column, initialText, onCommit, onCancel }: CellEditorProps) {
  const done = useRef(false);
  const elementRef = useRef<HTMLInputElement | HTMLSelectElement | null>(null);
  const inputRef = (element: HTMLInputElement | HTMLSelectElement | null) => {
    elementRef.current = element;
  };

  // Before paint, so a second key typed right after the first lands in the input.
  useLayoutEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    // The caret goes to the end whichever way the edit started (F2, Enter, double-click or a
    // typed character), as in spreadsheets: typing appends rather than replacing the value.
    if (element instanceof HTMLInputElement && element.type === "text") {
      const end = element.value.length;
      element.setSelectionRange(end, end);
    }
  }, []);

  const read = (): EditorResult => {
    const element = elementRef.current;
    if (!element) return { kind: "text", text: initialText };
    if (element instanceof HTMLInputElement && element.type === "checkbox") return { kind: "value", value: element.checked };
    return { kind: "text", text: element.value };
  };

  const finish = (move: CommitMove | "cancel") => {
    if (done.current) return;
    done.current = true;
    if (move === "cancel") onCancel();
    else onCommit(read(), move);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      finish("cancel");
      return;
    }
    const move = moveFor(event);
    if (move) {
      event.preventDefault();
      finish(move);
    }
  };

  const common = {
    "aria-label": `Edit ${column.name}`,
    "data-editor": "true",
    onKeyDown,
    onBlur: () => finish("none"),
    // Clicks inside the editor must not restart cell selection.
    onMouseDown: (event: { stopPropagation: () => void }) => event.stopPropagation(),
  };

  if (column.type === "boolean") {
    return (
      <label className={styles.editorCheckbox}>
        <input ref={inputRef} type="checkbox" defaultChecked={toBoolean(initialText) === true} {...common} />
        <span>{column.name}</span>
      </label>
    );
  }

  if (column.type === "enum") {
    const options = column.enumValues ?? [];
    const current = initialText;
    const known = current === "" || options.includes(current);
    return (
      <select ref={inputRef} className={styles.editorSelect} defaultValue={current} {...common}>
        <option value="">— (empty)</option>
        {known ? null : <option value={current}>{current}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }

  return (
    <input
      ref={inputRef}
      type="text"
      className={[styles.editorInput, isNumericType(column.type) ? styles.numeric : ""].join(" ")}
      defaultValue={initialText}
      spellCheck={column.type === "text"}
      inputMode={column.type === "integer" ? "numeric" : isNumericType(column.type) ? "decimal" : undefined}
      autoComplete="off"
      {...common}
    />
  );
}
