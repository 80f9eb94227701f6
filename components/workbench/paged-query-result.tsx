"use client";
/**
 * A read result too big for the browser (it hit the row cap): the grid pages through it on the
 * server instead. The query is wrapped with the grid's sort, filters and LIMIT/OFFSET (all
 * pushed down, all through the guard) and counted, so the scrollbar spans the whole result.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { DataGrid, gridColumnsFromResult, type GridRow } from "@/components/grid";
import { useServerBlocks } from "@/components/grid/use-server-blocks";
import { Alert, Badge } from "@/components/ui/surface";
import type { QueryColumn } from "@/lib/schemas/queries";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { toServerView, type UrlViewState } from "@/components/table-editor/view-url";
import type { ParamValue } from "./template-params";

export interface PagedQuery {
  datasourceId: string;
  sql: string;
  params: Record<string, ParamValue>;
}

export function PagedQueryResult({ query, columns, sample, rowCap }: { query: PagedQuery; columns: QueryColumn[]; sample: Record<string, unknown>[]; rowCap: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [view, setView] = useState<UrlViewState>({ sorting: [], columnFilters: [], columnVisibility: {} });
  const serverView = useMemo(() => toServerView(view), [view]);
  const names = useMemo(() => columns.map((column) => column.name), [columns]);
  const base = { ...query, columns: names, view: serverView };
  const count = useQuery(trpc.queries.page.queryOptions({ ...base, offset: 0, limit: 1, withCount: true }, { retry: false, staleTime: Infinity }));
  const fetchBlock = useCallback(
    async (offset: number, limit: number) => (await queryClient.fetchQuery(trpc.queries.page.queryOptions({ ...query, columns: names, view: serverView, offset, limit, withCount: false }, { staleTime: 60_000 }))).rows,
    [names, query, queryClient, serverView, trpc],
  );
  const total = count.data?.totalCount ?? 0;
  const blocks = useServerBlocks({ viewKey: JSON.stringify(serverView), total, enabled: count.isSuccess, fetchBlock });
  const gridColumns = useMemo(() => gridColumnsFromResult(columns, sample), [columns, sample]);
  const { positionOf } = blocks;
  const getRowId = useCallback((row: GridRow) => `#${positionOf(row)}`, [positionOf]);

  const failure = count.error ?? blocks.error;
  return (
    <div style={{ display: "grid", gap: "var(--space-2)" }}>
      <div role="status" style={{ display: "flex", gap: "var(--space-3)", alignItems: "center" }}>
        <span>
          <strong>{count.data ? total.toLocaleString("en-US") : "…"}</strong> rows
        </span>
        <Badge tone="accent">More than {rowCap.toLocaleString("en-US")} rows: paged from the database as you scroll</Badge>
      </div>
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
      <DataGrid
        label="Query results"
        columns={gridColumns}
        rows={blocks.rows}
        getRowId={getRowId}
        selectableRows={false}
        totalRowCount={total}
        onRequestRows={blocks.requestRows}
        sorting={view.sorting}
        onSortingChange={(sorting) => setView((previous) => ({ ...previous, sorting }))}
        columnFilters={view.columnFilters}
        onColumnFiltersChange={(columnFilters) => setView((previous) => ({ ...previous, columnFilters }))}
        height={480}
      />
    </div>
  );
}
