"use client";
/**
 * The table editor (builders): pick a data source and a table the policy lets you read, then
 * browse and edit it in the grid. The choice and the view (sort, filters, hidden columns) live
 * in the URL, so a link reproduces the view.
 */
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { SelectField } from "@/components/ui/field";
import { Alert, EmptyState } from "@/components/ui/surface";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { TableGrid } from "./table-grid";
import { useTableRows } from "./use-table-rows";
import { readViewState, toServerView, writeViewState, type UrlViewState } from "./view-url";

export interface EditorSource {
  id: string;
  name: string;
}

export function TableEditor({ sources }: { sources: EditorSource[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const sourceId = params.get("source") ?? sources[0]?.id ?? "";
  const tableParam = params.get("table") ?? "";
  const tables = useQuery(trpc.tables.list.queryOptions({ datasourceId: sourceId }, { enabled: Boolean(sourceId), retry: false }));
  const selected = tables.data?.find((table) => table.display === tableParam) ?? null;

  function navigate(next: URLSearchParams) {
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  }

  if (sources.length === 0) return <EmptyState title="No data sources">An admin connects databases under Data sources.</EmptyState>;

  return (
    <div style={{ display: "grid", gap: "var(--space-3)" }}>
      <div style={{ display: "flex", gap: "var(--space-3)", alignItems: "flex-end", flexWrap: "wrap" }}>
        <SelectField label="Data source" value={sourceId} onChange={(event) => navigate(new URLSearchParams({ source: event.target.value }))} options={sources.map((source) => ({ value: source.id, label: source.name }))} />
        <SelectField
          label="Table"
          value={selected?.display ?? ""}
          onChange={(event) => navigate(new URLSearchParams({ source: sourceId, table: event.target.value }))}
          options={[{ value: "", label: tables.isPending ? "Loading…" : "Choose a table" }, ...(tables.data ?? []).map((table) => ({ value: table.display, label: `${table.display}${table.writable ? "" : " (read-only)"}` }))]}
        />
      </div>
      {tables.error ? <Alert tone="error">{errorMessage(tables.error)}</Alert> : null}
      {selected ? (
        <LoadedTable key={`${sourceId}:${selected.display}`} datasourceId={sourceId} table={{ schema: selected.schema, name: selected.name }} label={selected.display} params={params} onViewChange={(state) => navigate(writeViewState(params, state))} />
      ) : tables.data ? (
        <EmptyState title="Choose a table">Pick one of the {tables.data.length} tables this source lets you read.</EmptyState>
      ) : null}
    </div>
  );
}

function LoadedTable({ datasourceId, table, label, params, onViewChange }: { datasourceId: string; table: { schema: string | null; name: string }; label: string; params: URLSearchParams; onViewChange: (state: UrlViewState) => void }) {
  const view = useMemo(() => readViewState(params), [params]);
  const serverView = useMemo(() => toServerView(view), [view]);
  const data = useTableRows({ datasourceId, table, serverView });
  if (data.isLoading) return <p role="status">Loading {label}…</p>;
  if (data.error && !data.meta) return <Alert tone="error">{errorMessage(data.error)}</Alert>;
  return (
    <>
      {data.error ? <Alert tone="error">{errorMessage(data.error)}</Alert> : null}
      <TableGrid
        datasourceId={datasourceId}
        table={table}
        label={label}
        data={data}
        sorting={view.sorting}
        onSortingChange={(sorting) => onViewChange({ ...view, sorting })}
        columnFilters={view.columnFilters}
        onColumnFiltersChange={(columnFilters) => onViewChange({ ...view, columnFilters })}
        columnVisibility={view.columnVisibility}
        onColumnVisibilityChange={(columnVisibility) => onViewChange({ ...view, columnVisibility })}
      />
    </>
  );
}
