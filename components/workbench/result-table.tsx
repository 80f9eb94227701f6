"use client";
/**
 * Read-only query results, virtualised so 100,000 rows scroll smoothly. Numbers align right
 * and NULL is shown as such, never as an empty string.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useRef } from "react";
import styles from "./result-table.module.css";

export interface ResultColumn {
  name: string;
  dataType: string;
}

const NUMERIC = /int|numeric|decimal|real|double|float|money|serial/i;
const ROW_HEIGHT = 28;

function display(value: unknown): { text: string; isNull: boolean } {
  if (value === null || value === undefined) return { text: "NULL", isNull: true };
  if (typeof value === "object") return { text: JSON.stringify(value), isNull: false };
  return { text: String(value), isNull: false };
}

export function ResultTable({ columns, rows, label }: { columns: ResultColumn[]; rows: Record<string, unknown>[]; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => index, []);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, getItemKey });
  const template = columns.map(() => "minmax(120px, 1fr)").join(" ");
  return (
    <div ref={scroller} className={styles.scroller} role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="row" aria-rowindex={1} className={`${styles.row} ${styles.header}`} style={{ gridTemplateColumns: template }}>
        {columns.map((column) => (
          <div role="columnheader" key={column.name} className={styles.cell} title={column.dataType}>
            {column.name}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] ?? {};
          return (
            <div
              role="row"
              aria-rowindex={item.index + 2}
              key={item.key}
              className={styles.row}
              style={{ gridTemplateColumns: template, position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              {columns.map((column) => {
                const { text, isNull } = display(row[column.name]);
                const numeric = NUMERIC.test(column.dataType);
                return (
                  <div role="cell" key={column.name} className={[styles.cell, numeric ? styles.numeric : "", isNull ? styles.null : ""].join(" ")}>
                    {text}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
