"use client";
/** After a save refused for conflicts: per row, the edited columns as "yours" against "theirs", and what to do. */
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyMark } from "@/components/ui/empty-mark";
import { Alert, DataTable } from "@/components/ui/surface";
import { formatCellText, type CellPatch, type GridColumn } from "@/components/grid";
import type { SaveConflict } from "@/lib/schemas/tables";

/**
 * A value as the grid shows it (same money, same date policy), with the time zone named: yours
 * and theirs were written at different times, maybe by people in different zones. The
 * database's text (`2022-02-25 12:00:00+00`) and an edit's ISO text read the same way.
 */
function show(value: unknown, column: GridColumn | undefined): ReactNode {
  if (value === null || value === undefined) return <EmptyMark />;
  return formatCellText(column?.type ?? "text", value, { format: column?.format, showZone: true });
}

function keyText(value: unknown): string {
  return value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value);
}

interface Props {
  conflicts: SaveConflict[];
  pending: CellPatch[];
  onTakeTheirs: (keyIds: string[]) => void;
  onOverwrite: (keyIds: string[]) => void;
  busy: boolean;
  /** Grid column → the table's column, for query results that rename columns ("theirs" is keyed by the table's names). */
  sourceOf?: (columnId: string) => string;
  /** The grid's columns, so values read as the grid shows them. */
  columns?: readonly GridColumn[];
}

export function ConflictPanel({ conflicts, pending, onTakeTheirs, onOverwrite, busy, sourceOf, columns = [] }: Props) {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const all = conflicts.map((conflict) => conflict.keyId);
  return (
    <section aria-label="Save conflicts" style={{ display: "grid", gap: "var(--space-3)" }}>
      <Alert tone="error">
        Nothing was saved: {conflicts.length === 1 ? "1 row was" : `${conflicts.length} rows were`} changed by someone else since you loaded them. Compare and choose for each row.
      </Alert>
      <DataTable aria-label="Conflicting rows">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Yours</th>
            <th scope="col">Theirs (now in the database)</th>
            <th scope="col">
              <span className="visually-hidden">Choice</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {conflicts.flatMap((conflict) => {
            const mine = pending.filter((patch) => patch.rowId === conflict.keyId);
            const label = Object.entries(conflict.key).map(([column, value]) => `${column} ${keyText(value)}`).join(", ");
            return mine.map((patch, index) => (
              <tr key={`${conflict.keyId}:${patch.columnId}`}>
                <td>{index === 0 ? label : ""}</td>
                <td>{byId.get(patch.columnId)?.name ?? patch.columnId}</td>
                <td>{show(patch.after, byId.get(patch.columnId))}</td>
                <td>{conflict.theirs ? show(conflict.theirs[sourceOf ? sourceOf(patch.columnId) : patch.columnId], byId.get(patch.columnId)) : "row deleted"}</td>
                <td>
                  {index === 0 ? (
                    <span style={{ display: "flex", gap: "var(--space-2)" }}>
                      <Button size="small" disabled={busy} onClick={() => onTakeTheirs([conflict.keyId])}>
                        Take theirs<span className="visually-hidden"> for {label}</span>
                      </Button>
                      {conflict.theirs ? (
                        <Button size="small" variant="danger" disabled={busy} onClick={() => onOverwrite([conflict.keyId])}>
                          Overwrite with mine<span className="visually-hidden"> for {label}</span>
                        </Button>
                      ) : null}
                    </span>
                  ) : null}
                </td>
              </tr>
            ));
          })}
        </tbody>
      </DataTable>
      <div style={{ display: "flex", gap: "var(--space-2)" }}>
        <Button disabled={busy} onClick={() => onTakeTheirs(all)}>
          Take theirs for all
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => onOverwrite(conflicts.filter((conflict) => conflict.theirs).map((conflict) => conflict.keyId))}>
          Overwrite all with mine
        </Button>
      </div>
    </section>
  );
}
