"use client";
/**
 * The filter editor of one column, opened from its header menu: text contains; number
 * min/max (money in dollars); date from/to; a checkbox per enum value (true/false for
 * booleans). A non-modal Radix dialog: Esc or a click outside closes it, Enter applies.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { centsToDecimalText, parseCellInput } from "./column-types";
import styles from "./data-grid.module.css";
import { filterKindFor, isGridFilter, type GridFilter } from "./filters";
import type { GridColumn } from "./types";

export interface FilterPopoverProps {
  column: GridColumn;
  value: unknown;
  /** Viewport position under the column header. */
  position: { top: number; left: number };
  onApply: (filter: GridFilter | undefined) => void;
  onClose: () => void;
}

function numberText(column: GridColumn, value: number | undefined): string {
  if (value === undefined) return "";
  return column.type === "money" ? centsToDecimalText(BigInt(Math.round(value))) : String(value);
}

export function FilterPopover({ column, value, position, onApply, onClose }: FilterPopoverProps) {
  const kind = filterKindFor(column.type);
  const current = isGridFilter(value) && value.kind === kind ? value : undefined;
  const [text, setText] = useState(current?.kind === "contains" ? current.text : "");
  const [min, setMin] = useState(current?.kind === "range" ? numberText(column, current.min) : "");
  const [max, setMax] = useState(current?.kind === "range" ? numberText(column, current.max) : "");
  const [from, setFrom] = useState(current?.kind === "dateRange" ? (current.from ?? "") : "");
  const [to, setTo] = useState(current?.kind === "dateRange" ? (current.to ?? "") : "");
  const options = column.type === "boolean" ? ["true", "false"] : (column.enumValues ?? []);
  const [picked, setPicked] = useState<string[]>(current?.kind === "oneOf" ? current.values : []);
  const [error, setError] = useState<string | null>(null);

  const readNumber = (label: string, input: string): number | undefined | null => {
    if (input.trim() === "") return undefined;
    const parsed = parseCellInput(column.type === "money" ? "money" : "decimal", input);
    if (parsed.ok && typeof parsed.value === "number") return parsed.value;
    setError(`${label}: ${parsed.ok ? "the number is too large." : parsed.message}`);
    return null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    let filter: GridFilter;
    switch (kind) {
      case "contains":
        filter = { kind, text };
        break;
      case "range": {
        const lo = readNumber("Minimum", min);
        const hi = readNumber("Maximum", max);
        if (lo === null || hi === null) return;
        filter = { kind, ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) };
        break;
      }
      case "dateRange":
        filter = { kind, ...(from ? { from } : {}), ...(to ? { to } : {}) };
        break;
      case "oneOf":
        filter = { kind, values: picked };
        break;
    }
    onApply(filter);
  };

  return (
    <Dialog.Root open modal={false} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Content
          className={styles.popover}
          style={{ top: position.top, left: position.left }}
          aria-describedby={undefined}
          // The grid puts focus back on its active cell itself.
          onCloseAutoFocus={(event) => event.preventDefault()}
        >
          <Dialog.Title className={styles.popoverTitle}>Filter {column.name}</Dialog.Title>
          <form onSubmit={submit} style={{ display: "grid", gap: "var(--space-3)" }}>
            {kind === "contains" ? <TextField label="Contains" value={text} onChange={(e) => setText(e.target.value)} autoFocus /> : null}
            {kind === "range" ? (
              <div className={styles.popoverRow}>
                <TextField label="Minimum" inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} autoFocus />
                <TextField label="Maximum" inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} />
              </div>
            ) : null}
            {kind === "dateRange" ? (
              <div className={styles.popoverRow}>
                <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} autoFocus />
                <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              </div>
            ) : null}
            {kind === "oneOf" ? (
              <fieldset className={styles.optionList} style={{ border: 0, padding: 0, margin: 0 }}>
                <legend className="visually-hidden">Show rows where {column.name} is</legend>
                {options.map((option, i) => (
                  <CheckboxField
                    key={option}
                    label={option}
                    checked={picked.includes(option)}
                    autoFocus={i === 0}
                    onChange={(e) => setPicked((old) => (e.target.checked ? [...old, option] : old.filter((v) => v !== option)))}
                  />
                ))}
              </fieldset>
            ) : null}
            {column.type === "money" ? <p className={styles.menuLabel} style={{ padding: 0 }}>Amounts in dollars, e.g. 12.50</p> : null}
            {error ? (
              <p role="alert" className={styles.fieldError}>
                {error}
              </p>
            ) : null}
            <div className={styles.popoverActions}>
              <Button size="small" variant="ghost" onClick={() => onApply(undefined)}>
                Clear
              </Button>
              <Button size="small" variant="primary" type="submit">
                Apply
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
