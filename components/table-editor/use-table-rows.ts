"use client";
/**
 * Loads a table's rows for the editor. Up to the client limit (100,000 rows, or the source's
 * row cap) the whole table is loaded once and the grid sorts and filters it in the browser.
 * Beyond that the server pages: sort and filters are pushed down, the grid asks for the windows
 * it shows, and the scrollbar still spans every matching row.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import type { TableRefInput } from "@/lib/schemas/tables";
import type { TableView } from "@/lib/schemas/table-view";
import { useTRPC } from "@/lib/trpc/client";

const BLOCK = 500;

export function useTableRows(options: { datasourceId: string; table: TableRefInput; serverView: TableView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { datasourceId, table, serverView } = options;
  const first = useQuery(trpc.tables.browse.queryOptions({ datasourceId, table, offset: 0, limit: 100_000, withCount: true }, { retry: false, staleTime: Infinity }));
  const serverPaged = first.data !== undefined && (first.data.totalCount ?? 0) > first.data.clientLimit;

  // Server-paged mode: a count per view, and blocks of rows fetched on demand.
  const viewKey = JSON.stringify(serverView);
  const count = useQuery(
    trpc.tables.browse.queryOptions({ datasourceId, table, view: serverView, offset: 0, limit: 1, withCount: true }, { enabled: serverPaged, retry: false, staleTime: Infinity }),
  );
  const [blocks, setBlocks] = useState<{ viewKey: string; rows: Map<number, Record<string, unknown>[]> }>({ viewKey, rows: new Map() });
  const inFlight = useRef(new Set<string>());
  const [pageError, setPageError] = useState<unknown>(null);
  const currentBlocks = useMemo(() => (blocks.viewKey === viewKey ? blocks.rows : new Map<number, Record<string, unknown>[]>()), [blocks, viewKey]);

  const requestRows = useCallback(
    (start: number, end: number) => {
      for (let block = Math.floor(start / BLOCK); block * BLOCK < end; block += 1) {
        const id = `${viewKey}#${block}`;
        if (currentBlocks.has(block) || inFlight.current.has(id)) continue;
        inFlight.current.add(id);
        queryClient
          .fetchQuery(trpc.tables.browse.queryOptions({ datasourceId, table, view: serverView, offset: block * BLOCK, limit: BLOCK, withCount: false }, { staleTime: 60_000 }))
          .then((page) => {
            setBlocks((previous) => {
              const rows = previous.viewKey === viewKey ? new Map(previous.rows) : new Map<number, Record<string, unknown>[]>();
              rows.set(block, page.rows);
              return { viewKey, rows };
            });
          })
          .catch((error: unknown) => setPageError(error))
          .finally(() => inFlight.current.delete(id));
      }
    },
    [currentBlocks, datasourceId, queryClient, serverView, table, trpc, viewKey],
  );

  const total = serverPaged ? (count.data?.totalCount ?? first.data?.totalCount ?? 0) : (first.data?.rows.length ?? 0);
  const rows = useMemo(() => {
    if (!serverPaged) return first.data?.rows ?? [];
    const sparse: (Record<string, unknown> | undefined)[] = new Array(total);
    for (const [block, blockRows] of currentBlocks) blockRows.forEach((row, index) => (sparse[block * BLOCK + index] = row));
    return sparse;
  }, [serverPaged, first.data, total, currentBlocks]);

  const reload = useCallback(async () => {
    setBlocks({ viewKey, rows: new Map() });
    await queryClient.invalidateQueries({ queryKey: trpc.tables.browse.queryKey() });
  }, [queryClient, trpc, viewKey]);

  return {
    meta: first.data ?? null,
    isLoading: first.isPending,
    error: first.error ?? count.error ?? pageError,
    serverPaged,
    rows,
    total,
    requestRows,
    reload,
  };
}
