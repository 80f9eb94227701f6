"use client";
// TEMPORARY sandbox for the grid (to be deleted).
import { useEffect, useMemo, useRef, useState } from "react";
import { DataGrid, useGridEdits, type DataGridHandle, type GridColumn, type GridRow, type RowSelection } from "@/components/grid";

const STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled", "refunded"];
const columns: GridColumn[] = [
  { id: "id", name: "id", dataType: "int4", type: "integer", editable: false },
  { id: "customer", name: "customer", dataType: "text", type: "text", editable: true },
  { id: "status", name: "status", dataType: "text", type: "enum", editable: true, enumValues: STATUSES },
  { id: "total_cents", name: "total_cents", dataType: "int4", type: "money", editable: true },
  { id: "quantity", name: "quantity", dataType: "int4", type: "integer", editable: true },
  { id: "rate", name: "rate", dataType: "numeric", type: "decimal", editable: true },
  { id: "paid", name: "paid", dataType: "bool", type: "boolean", editable: true },
  { id: "placed_at", name: "placed_at", dataType: "timestamptz", type: "datetime", editable: true },
  { id: "due_on", name: "due_on", dataType: "date", type: "date", editable: true },
  { id: "meta", name: "meta", dataType: "jsonb", type: "json", editable: true },
  { id: "site", name: "site", dataType: "text", type: "url", editable: true },
  { id: "notes", name: "notes", dataType: "text", type: "text", editable: true },
];

function makeRows(n: number): GridRow[] {
  const rows: GridRow[] = new Array(n);
  for (let i = 0; i < n; i += 1) {
    rows[i] = {
      id: i + 1,
      customer: `Customer ${(i * 7919) % 5000}`,
      status: STATUSES[i % STATUSES.length],
      total_cents: (i * 1337) % 100000,
      quantity: i % 17,
      rate: ((i % 100) / 7).toFixed(3),
      paid: i % 3 === 0,
      placed_at: new Date(Date.UTC(2025, 0, 1) + i * 3600_000).toISOString(),
      due_on: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      meta: { tag: i % 5 === 0 ? "vip" : "std", n: i },
      site: i % 4 === 0 ? null : `https://example.com/o/${i}`,
      notes: i % 9 === 0 ? null : `note ${i}`,
    };
  }
  return rows;
}

export default function GridSandbox() {
  const params = typeof window === "undefined" ? null : new URLSearchParams(window.location.search);
  const count = Number(params?.get("rows") ?? 1000);
  const server = params?.get("server") === "1";
  const defer = params?.get("defer") === "1";
  const [all] = useState(() => makeRows(count));
  const [shown, setShown] = useState<GridRow[]>(defer ? [] : all);
  useEffect(() => {
    (window as unknown as { __loadRows: () => void }).__loadRows = () => setShown(all);
  }, [all]);
  const [loaded, setLoaded] = useState<(GridRow | undefined)[]>([]);
  const edits = useGridEdits();
  const [selection, setSelection] = useState<RowSelection>({ kind: "ids", ids: new Set() });
  const ref = useRef<DataGridHandle>(null);
  const status = useMemo(() => new Map([["1", { tone: "success" as const, text: "Refunded" }], ["2", { tone: "danger" as const, text: "Failed: card declined" }]]), []);
  return (
    <main style={{ padding: 24 }}>
      <h1 style={{ marginBottom: 12 }}>Grid sandbox</h1>
      <DataGrid
        ref={ref}
        label="Orders"
        columns={columns}
        rows={server ? loaded : shown}
        getRowId={(row) => String(row.id)}
        {...edits.gridProps}
        selectedRowIds={selection}
        onSelectionChange={setSelection}
        rowStatus={params?.get("status") === "1" ? status : undefined}
        totalRowCount={server ? count : undefined}
        onRequestRows={
          server
            ? (start, end) => {
                setTimeout(() => {
                  setLoaded((old) => {
                    const next = old.slice();
                    for (let i = start; i < end; i += 1) next[i] = all[i];
                    return next;
                  });
                }, 150);
              }
            : undefined
        }
        height={560}
      >
        <button type="button" onClick={() => edits.reset()}>Discard</button>
        <span data-testid="pending">{edits.pending.length} pending</span>
      </DataGrid>
    </main>
  );
}
