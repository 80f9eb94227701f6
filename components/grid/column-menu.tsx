"use client";
/**
 * Menus on Radix DropdownMenu (keyboard navigation, typeahead, focus return): the per-column
 * header menu (sort, filter, pin, hide, move, width — the keyboard way to do what dragging
 * does) and the toolbar's "Columns" menu that shows hidden columns again.
 */
import * as Menu from "@radix-ui/react-dropdown-menu";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import styles from "./data-grid.module.css";
import type { GridColumnType } from "./types";
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, moveColumn, type GridTable, type GridTableColumn } from "./use-grid-table";

const WIDTH_STEP = 24;

export interface ColumnMenuProps {
  table: GridTable;
  column: GridTableColumn;
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onFilter: () => void;
  /** Called when the menu closes; returning true means focus was handled (else it goes to the trigger). */
  onReturnFocus?: () => boolean;
  /** The column's current display type, and the "Show as" override. */
  type: GridColumnType;
  onTypeChange: (type: GridColumnType) => void;
}

const TYPE_LABELS: Record<GridColumnType, string> = {
  text: "Text",
  integer: "Integer",
  decimal: "Decimal",
  money: "Money (cents)",
  date: "Date",
  datetime: "Date and time",
  boolean: "Yes / no",
  enum: "Status (badge)",
  json: "JSON",
  url: "Link",
};

export function ColumnMenu({ table, column, name, open, onOpenChange, onFilter, onReturnFocus, type, onTypeChange }: ColumnMenuProps) {
  const focusHandled = useRef(false);
  const sorted = column.getIsSorted();
  const pinned = column.getIsPinned();
  const centerIds = table.getCenterVisibleLeafColumns().map((c) => c.id);
  const centerIndex = centerIds.indexOf(column.id);
  const resize = (delta: number) => {
    const size = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, column.getSize() + delta));
    table.setColumnSizing((old) => ({ ...old, [column.id]: size }));
  };
  const keepOpen = (action: () => void) => (event: Event) => {
    event.preventDefault();
    action();
  };

  return (
    <Menu.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <Menu.Trigger asChild>
        <button type="button" className={styles.menuButton} aria-label={`${name} column menu`}>
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          className={styles.menu}
          align="start"
          sideOffset={6}
          aria-label={`${name} column`}
          onCloseAutoFocus={(event) => {
            if (focusHandled.current) {
              focusHandled.current = false;
              event.preventDefault();
            } else if (onReturnFocus?.()) {
              event.preventDefault();
            }
          }}
        >
          <Menu.Label className={styles.menuLabel}>{name}</Menu.Label>
          <Menu.Item className={styles.menuItem} disabled={!column.getCanSort()} onSelect={() => column.toggleSorting(false)}>
            <span className={styles.menuCheck}>{sorted === "asc" ? "✓" : ""}</span>Sort ascending
          </Menu.Item>
          <Menu.Item className={styles.menuItem} disabled={!column.getCanSort()} onSelect={() => column.toggleSorting(true)}>
            <span className={styles.menuCheck}>{sorted === "desc" ? "✓" : ""}</span>Sort descending
          </Menu.Item>
          <Menu.Item className={styles.menuItem} disabled={!sorted} onSelect={() => column.clearSorting()}>
            <span className={styles.menuCheck} />
            Clear sort
          </Menu.Item>
          <Menu.Separator className={styles.menuSeparator} />
          <Menu.Item
            className={styles.menuItem}
            disabled={!column.getCanFilter()}
            onSelect={() => {
              // The filter popover takes focus; the menu must not hand it back to its button.
              focusHandled.current = true;
              onFilter();
            }}
          >
            <span className={styles.menuCheck}>{column.getIsFiltered() ? "✓" : ""}</span>Filter…
          </Menu.Item>
          <Menu.Item className={styles.menuItem} disabled={!column.getIsFiltered()} onSelect={() => column.setFilterValue(undefined)}>
            <span className={styles.menuCheck} />
            Clear filter
          </Menu.Item>
          <Menu.Separator className={styles.menuSeparator} />
          {pinned ? (
            <Menu.Item className={styles.menuItem} onSelect={() => column.pin(false)}>
              <span className={styles.menuCheck} />
              Unpin
            </Menu.Item>
          ) : (
            <Menu.Item className={styles.menuItem} onSelect={() => column.pin("start")}>
              <span className={styles.menuCheck} />
              Pin to left
            </Menu.Item>
          )}
          <Menu.Item className={styles.menuItem} disabled={!column.getCanHide()} onSelect={() => column.toggleVisibility(false)}>
            <span className={styles.menuCheck} />
            Hide column
          </Menu.Item>
          <Menu.Separator className={styles.menuSeparator} />
          <Menu.Item className={styles.menuItem} disabled={pinned !== false || centerIndex <= 0} onSelect={keepOpen(() => moveColumn(table, column.id, -1))}>
            <span className={styles.menuCheck} />
            Move left
          </Menu.Item>
          <Menu.Item
            className={styles.menuItem}
            disabled={pinned !== false || centerIndex < 0 || centerIndex >= centerIds.length - 1}
            onSelect={keepOpen(() => moveColumn(table, column.id, 1))}
          >
            <span className={styles.menuCheck} />
            Move right
          </Menu.Item>
          <Menu.Item className={styles.menuItem} onSelect={keepOpen(() => resize(WIDTH_STEP))}>
            <span className={styles.menuCheck} />
            Wider<span className={styles.menuHint}>{column.getSize()} px</span>
          </Menu.Item>
          <Menu.Item className={styles.menuItem} onSelect={keepOpen(() => resize(-WIDTH_STEP))}>
            <span className={styles.menuCheck} />
            Narrower
          </Menu.Item>
          <Menu.Item className={styles.menuItem} onSelect={() => column.resetSize()}>
            <span className={styles.menuCheck} />
            Reset width
          </Menu.Item>
          <Menu.Separator className={styles.menuSeparator} />
          <Menu.Sub>
            <Menu.SubTrigger className={styles.menuItem}>
              <span className={styles.menuCheck} />
              Show as<span className={styles.menuHint}>{TYPE_LABELS[type]}</span>
            </Menu.SubTrigger>
            <Menu.Portal>
              <Menu.SubContent className={styles.menu} sideOffset={4} aria-label={`Show ${name} as`}>
                {(Object.keys(TYPE_LABELS) as GridColumnType[]).map((option) => (
                  <Menu.Item key={option} className={styles.menuItem} onSelect={() => onTypeChange(option)}>
                    <span className={styles.menuCheck}>{option === type ? "✓" : ""}</span>
                    {TYPE_LABELS[option]}
                  </Menu.Item>
                ))}
              </Menu.SubContent>
            </Menu.Portal>
          </Menu.Sub>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** The toolbar's "Columns" menu: tick columns to show or hide them. */
export function ColumnsMenu({ table, names }: { table: GridTable; names: ReadonlyMap<string, string> }) {
  const columns = table.getAllLeafColumns();
  const hidden = columns.filter((column) => !column.getIsVisible()).length;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <Button size="small" variant="secondary">
          Columns{hidden > 0 ? ` (${hidden} hidden)` : ""}
        </Button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className={styles.menu} align="end" sideOffset={6} aria-label="Columns">
          {columns.map((column) => (
            <Menu.CheckboxItem
              key={column.id}
              className={styles.menuItem}
              checked={column.getIsVisible()}
              disabled={!column.getCanHide()}
              onCheckedChange={(checked) => column.toggleVisibility(checked)}
              onSelect={(event) => event.preventDefault()}
            >
              <span className={styles.menuCheck}>
                <Menu.ItemIndicator>✓</Menu.ItemIndicator>
              </span>
              {names.get(column.id) ?? column.id}
            </Menu.CheckboxItem>
          ))}
          <Menu.Separator className={styles.menuSeparator} />
          <Menu.Item className={styles.menuItem} disabled={hidden === 0} onSelect={() => table.toggleAllColumnsVisible(true)}>
            <span className={styles.menuCheck} />
            Show all columns
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
